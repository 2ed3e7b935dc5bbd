#include "eliza/ElizaTrace.h"

#include <nlohmann/json.hpp>

namespace rlhf::eliza {

nlohmann::json toJson(const ElizaTrace& t) {
    using nlohmann::json;
    json keywords = json::array();
    for (const auto& k : t.keywords) keywords.push_back({{"word", k.word}, {"rank", k.rank}});
    json steps = json::array();
    for (const auto& s : t.steps) {
        json step = {{"keyword", s.keyword}, {"event", s.event}, {"text", s.text}};
        if (s.decomposition >= 0) {
            step["decomposition"] = s.decomposition;
            step["pattern"] = s.pattern;
            step["components"] = s.components;
            step["reassembly"] = s.reassembly;
            step["reassembly_text"] = s.reassemblyText;
        }
        if (!s.action.empty()) step["action"] = s.action;
        if (!s.linkTo.empty()) step["link_to"] = s.linkTo;
        steps.push_back(std::move(step));
    }
    json out = {{"input", t.input},   {"normalised", t.normalised}, {"words", t.words},
                {"keywords", keywords}, {"keystack", t.keystack},   {"limit", t.limit},
                {"steps", steps},       {"source", t.source},       {"reply", t.reply},
                {"memory_recalled", t.memoryRecalled}};
    if (!t.memoryCreated.empty()) {
        out["memory_created"] = t.memoryCreated;
        out["memory_transformation"] = t.memoryTransformation;
    }
    return out;
}

}  // namespace rlhf::eliza
