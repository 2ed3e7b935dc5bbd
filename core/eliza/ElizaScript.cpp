#include "eliza/ElizaScript.h"

#include "eliza/ElizaText.h"

namespace rlhf::eliza {

std::string PatternElement::text() const {
    switch (kind) {
    case Kind::AnyWords: return "0";
    case Kind::CountWords: return std::to_string(count);
    case Kind::Word: return word;
    case Kind::OneOfWords: return "(*" + joinWords(choices) + ")";
    case Kind::OneOfTags: return "(/" + joinWords(choices) + ")";
    }
    return {};
}

std::string patternText(const Pattern& pattern) {
    Words parts;
    for (const auto& e : pattern) parts.push_back(e.text());
    return "(" + joinWords(parts) + ")";
}

std::string Reassembly::text() const {
    switch (kind) {
    case Kind::Template: return "(" + joinWords(tokens) + ")";
    case Kind::Link: return "(=" + link + ")";
    case Kind::NewKey: return "(NEWKEY)";
    case Kind::Pre: return "(PRE (" + joinWords(tokens) + ") (=" + link + "))";
    }
    return {};
}

const KeywordRule* Script::rule(const std::string& word) const {
    auto it = rules.find(word);
    return it == rules.end() ? nullptr : &it->second;
}

size_t Script::keywordCount() const {
    size_t n = 0;
    for (const auto& [word, r] : rules)
        if (r.isKeyword()) ++n;
    return n;
}

}  // namespace rlhf::eliza
