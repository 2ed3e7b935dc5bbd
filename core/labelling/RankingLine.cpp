#include "labelling/RankingLine.h"

#include <set>

#include "data/RecordFormat.h"

namespace rlhf::labelling {

namespace {

using nlohmann::json;
using data::RecordError;

const std::set<std::string> kFields = {"prompt", "responses", "ranking", "unrankable", "labeller", "flags",
                                       "rationale", "ratings", "guideline", "origins", "shown"};
const char* kJudgementOnly[] = {"flags", "rationale", "ratings", "guideline", "shown"};

std::string stringOf(const json& r, const char* field) {
    const json& v = r.at(field);
    if (!v.is_string()) throw RecordError(std::string("field '") + field + "' must be a string, found " + v.type_name());
    return v.get<std::string>();
}

std::vector<std::string> stringsOf(const json& r, const char* field, bool nullAsEmpty) {
    const json& v = r.at(field);
    if (!v.is_array()) throw RecordError(std::string("field '") + field + "' must be a list, found " + v.type_name());
    std::vector<std::string> out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (nullAsEmpty && v[i].is_null()) out.emplace_back();
        else if (v[i].is_string()) out.push_back(v[i].get<std::string>());
        else throw RecordError(std::string("field '") + field + "[" + std::to_string(i) + "]' must be a string, found " + v[i].type_name());
    }
    return out;
}

void expectPerResponse(size_t size, size_t k, const char* field) {
    if (size != k)
        throw RecordError(std::string("field '") + field + "' has " + std::to_string(size) + " entries for " + std::to_string(k) + " responses");
}

int indexOf(const json& v, size_t k, const std::string& where) {
    if (!v.is_number_integer()) throw RecordError("field '" + where + "' must be a response index, found " + std::string(v.type_name()));
    const int64_t i = v.get<int64_t>();
    if (i < 0 || i >= static_cast<int64_t>(k))
        throw RecordError("field '" + where + "' is " + std::to_string(i) + ": not an index into the " + std::to_string(k) + " responses");
    return static_cast<int>(i);
}

std::vector<std::vector<int>> rankingOf(const json& v, size_t k) {
    if (!v.is_array() || v.empty()) throw RecordError("field 'ranking' must be a non-empty list of tie groups");
    std::vector<std::vector<int>> groups;
    std::vector<bool> seen(k, false);
    for (size_t g = 0; g < v.size(); ++g) {
        const std::string where = "ranking[" + std::to_string(g) + "]";
        if (!v[g].is_array() || v[g].empty()) throw RecordError("field '" + where + "' must be a non-empty list of response indexes");
        std::vector<int> group;
        for (size_t i = 0; i < v[g].size(); ++i) {
            const int index = indexOf(v[g][i], k, where + "[" + std::to_string(i) + "]");
            if (seen[static_cast<size_t>(index)]) throw RecordError("field 'ranking' lists response " + std::to_string(index) + " twice");
            seen[static_cast<size_t>(index)] = true;
            group.push_back(index);
        }
        groups.push_back(std::move(group));
    }
    for (size_t i = 0; i < k; ++i)
        if (!seen[i]) throw RecordError("field 'ranking' is partial: response " + std::to_string(i) + " is not ranked (every index exactly once)");
    return groups;
}

std::vector<std::optional<int>> ratingsOf(const json& v, size_t k) {
    if (!v.is_array()) throw RecordError(std::string("field 'ratings' must be a list, found ") + v.type_name());
    expectPerResponse(v.size(), k, "ratings");
    std::vector<std::optional<int>> out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_null()) {
            out.emplace_back();
            continue;
        }
        if (!v[i].is_number_integer() || v[i].get<int64_t>() < 1 || v[i].get<int64_t>() > 7)
            throw RecordError("field 'ratings[" + std::to_string(i) + "]' must be 1 to 7 or null, found " + v[i].dump());
        out.emplace_back(static_cast<int>(v[i].get<int64_t>()));
    }
    return out;
}

std::vector<int> shownOf(const json& v, size_t k) {
    if (!v.is_array()) throw RecordError(std::string("field 'shown' must be a list, found ") + v.type_name());
    expectPerResponse(v.size(), k, "shown");
    std::vector<int> out;
    std::vector<bool> used(k, false);
    for (size_t i = 0; i < v.size(); ++i) {
        const int p = indexOf(v[i], k, "shown[" + std::to_string(i) + "]");
        if (used[static_cast<size_t>(p)]) throw RecordError("field 'shown' gives position " + std::to_string(p) + " twice");
        used[static_cast<size_t>(p)] = true;
        out.push_back(p);
    }
    return out;
}

Judgement judgementOf(const json& r, size_t k) {
    Judgement j;
    if (!r.contains("labeller")) throw RecordError("a judgement needs a 'labeller' (a line without ranking, unrankable and labeller is an item)");
    j.labeller = stringOf(r, "labeller");
    if (j.labeller.empty()) throw RecordError("field 'labeller' is empty");
    if (r.contains("unrankable")) {
        if (!r["unrankable"].is_boolean()) throw RecordError("field 'unrankable' must be true or false");
        j.unrankable = r["unrankable"].get<bool>();
    }
    if (j.unrankable && r.contains("ranking")) throw RecordError("an unrankable judgement has no 'ranking'");
    if (!j.unrankable) {
        if (!r.contains("ranking")) throw RecordError("labeller '" + j.labeller + "' without a 'ranking' (or \"unrankable\": true)");
        j.ranking = rankingOf(r["ranking"], k);
    }
    if (r.contains("flags")) j.flags = stringsOf(r, "flags", false);
    if (r.contains("rationale")) j.rationale = stringOf(r, "rationale");
    if (r.contains("ratings")) j.ratings = ratingsOf(r["ratings"], k);
    if (r.contains("guideline")) j.guideline = stringOf(r, "guideline");
    if (r.contains("shown")) j.shown = shownOf(r["shown"], k);
    canonicalise(j);
    return j;
}

}  // namespace

bool looksLikeRankingLine(const json& r) { return r.is_object() && r.contains("prompt") && r.contains("responses"); }

RankingLine parseRankingLine(const json& given) {
    if (!given.is_object()) throw RecordError(std::string("expected a JSON object, found ") + given.type_name());
    json r = json::object();  // optional fields written as null count as absent
    for (const auto& [key, value] : given.items()) {
        if (!kFields.count(key)) throw RecordError("unknown field '" + key + "' in a rankings record");
        if (!value.is_null() || key == "prompt" || key == "responses") r[key] = value;
    }
    for (const char* required : {"prompt", "responses"})
        if (!r.contains(required)) throw RecordError(std::string("missing field '") + required + "'");
    RankingLine line;
    line.prompt = stringOf(r, "prompt");
    line.responses = stringsOf(r, "responses", false);
    if (line.responses.size() < 2) throw RecordError("field 'responses' must list at least 2 responses");
    std::set<std::string> distinct;
    for (size_t i = 0; i < line.responses.size(); ++i)
        if (!distinct.insert(line.responses[i]).second)
            throw RecordError("field 'responses[" + std::to_string(i) + "]' repeats an earlier response's text");
    if (r.contains("origins")) {
        line.origins = stringsOf(r, "origins", true);
        expectPerResponse(line.origins.size(), line.responses.size(), "origins");
    }
    if (r.contains("ranking") || r.contains("unrankable") || r.contains("labeller")) {
        line.judgement = judgementOf(r, line.responses.size());
        return line;
    }
    for (const char* field : kJudgementOnly)
        if (r.contains(field)) throw RecordError(std::string("field '") + field + "' belongs to a judgement: this line has no labeller or ranking");
    return line;
}

nlohmann::ordered_json renderRankingLine(const RankingLine& line) {
    nlohmann::ordered_json o{{"prompt", line.prompt}, {"responses", line.responses}};
    if (line.judgement) {
        const Judgement& j = *line.judgement;
        if (j.unrankable) o["unrankable"] = true;
        else o["ranking"] = j.ranking;
        o["labeller"] = j.labeller;
        if (!j.flags.empty()) o["flags"] = j.flags;
        if (!j.rationale.empty()) o["rationale"] = j.rationale;
        if (!j.ratings.empty()) {
            nlohmann::ordered_json ratings = nlohmann::ordered_json::array();
            for (const auto& r : j.ratings) ratings.push_back(r ? nlohmann::ordered_json(*r) : nlohmann::ordered_json());
            o["ratings"] = ratings;
        }
        if (!j.guideline.empty()) o["guideline"] = j.guideline;
    }
    bool anyOrigin = false;
    for (const auto& origin : line.origins) anyOrigin = anyOrigin || !origin.empty();
    if (anyOrigin) o["origins"] = line.origins;
    if (line.judgement && !line.judgement->shown.empty()) o["shown"] = line.judgement->shown;
    return o;
}

}  // namespace rlhf::labelling
