#include "eliza/ElizaMatcher.h"

#include <algorithm>
#include <charconv>

namespace rlhf::eliza {

namespace {

bool hasTag(const std::string& word, const Words& tagNames, const TagTable& tags) {
    for (const auto& tag : tagNames) {
        auto it = tags.find(tag);
        if (it != tags.end() && std::find(it->second.begin(), it->second.end(), word) != it->second.end())
            return true;
    }
    return false;
}

bool matchesOneWord(const PatternElement& e, const std::string& word, const TagTable& tags) {
    switch (e.kind) {
    case PatternElement::Kind::Word: return word == e.word;
    case PatternElement::Kind::OneOfWords:
        return std::find(e.choices.begin(), e.choices.end(), word) != e.choices.end();
    case PatternElement::Kind::OneOfTags: return hasTag(word, e.choices, tags);
    default: return false;
    }
}

class Matcher {
public:
    Matcher(const Pattern& p, const Words& w, const TagTable& t)
        : pattern_(p), words_(w), tags_(t), failed_((p.size() + 1) * (w.size() + 1), false),
          ends_(p.size(), 0) {}

    bool run(Components& components) {
        if (!matchFrom(0, 0)) return false;
        components.assign(pattern_.size(), {});
        size_t begin = 0;
        for (size_t i = 0; i < pattern_.size(); ++i) {
            components[i].assign(words_.begin() + static_cast<long>(begin),
                                 words_.begin() + static_cast<long>(ends_[i]));
            begin = ends_[i];
        }
        return true;
    }

private:
    // Matches pattern elements [pi, end) against words [wi, end); records each element's end in ends_.
    bool matchFrom(size_t pi, size_t wi) {
        if (pi == pattern_.size()) return wi == words_.size();
        const size_t state = pi * (words_.size() + 1) + wi;
        if (failed_[state]) return false;
        const PatternElement& e = pattern_[pi];
        const size_t remaining = words_.size() - wi;
        bool ok = false;
        if (e.kind == PatternElement::Kind::AnyWords) {
            for (size_t take = 0; take <= remaining && !ok; ++take) ok = tryTake(pi, wi, take);
        } else if (e.kind == PatternElement::Kind::CountWords) {
            const auto n = static_cast<size_t>(e.count);
            ok = n <= remaining && tryTake(pi, wi, n);
        } else {
            ok = remaining > 0 && matchesOneWord(e, words_[wi], tags_) && tryTake(pi, wi, 1);
        }
        if (!ok) failed_[state] = true;
        return ok;
    }

    bool tryTake(size_t pi, size_t wi, size_t take) {
        ends_[pi] = wi + take;
        return matchFrom(pi + 1, wi + take);
    }

    const Pattern& pattern_;
    const Words& words_;
    const TagTable& tags_;
    std::vector<bool> failed_;  // [(pi, wi)] known not to match
    std::vector<size_t> ends_;  // end word index of each element in the current attempt
};

// A template token that is all digits, as a component index; -1 otherwise.
int componentIndex(const std::string& token) {
    if (token.empty() || token.size() > 6) return -1;
    int value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size() || token[0] == '-' || token[0] == '+')
        return -1;
    return value;
}

}  // namespace

bool matchDecomposition(const Pattern& pattern, const Words& words, const TagTable& tags,
                        Components& components) {
    return Matcher(pattern, words, tags).run(components);
}

Words reassemble(const Words& templ, const Components& components) {
    Words out;
    for (const auto& token : templ) {
        const int k = componentIndex(token);
        if (k < 0) {
            out.push_back(token);
        } else if (k >= 1 && static_cast<size_t>(k) <= components.size()) {
            const Words& c = components[static_cast<size_t>(k) - 1];
            out.insert(out.end(), c.begin(), c.end());
        } else {
            out.emplace_back("HMMM");
        }
    }
    return out;
}

}  // namespace rlhf::eliza
