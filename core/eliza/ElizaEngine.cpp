#include "eliza/ElizaEngine.h"

#include <array>

#include "eliza/ElizaMatcher.h"
#include "eliza/ElizaText.h"

namespace rlhf::eliza {

namespace {
// Built into the MAD-SLIP program, indexed by LIMIT (1..4); the paper does not mention them.
const std::array<const char*, 4> kNoMatchReplies = {"PLEASE CONTINUE", "HMMM", "GO ON , PLEASE", "I SEE"};
}  // namespace

ElizaEngine::ElizaEngine(Script script) : script_(std::move(script)) { reset(); }

void ElizaEngine::reset() {
    cursors_.clear();
    for (const auto& [word, rule] : script_.rules)
        cursors_[word].assign(rule.decompositions.size(), 0);
    memories_.clear();
    limit_ = 1;
}

std::string ElizaEngine::greeting() const { return joinWords(script_.greeting); }

size_t& ElizaEngine::cursor(const std::string& keyword, size_t decomposition) {
    return cursors_[keyword][decomposition];
}

std::string ElizaEngine::reply(std::string_view input, ElizaTrace* trace) {
    limit_ = limit_ % 4 + 1;
    const std::string normalised = normaliseInput(input);
    Words words = splitUserInput(normalised);
    const Words keystack = scan(words, trace);
    if (trace) {
        trace->input = std::string(input);
        trace->normalised = normalised;
        trace->words = words;
        trace->keystack = keystack;
        trace->limit = limit_;
    }
    std::string reply;
    if (!keystack.empty()) {
        reply = processKeystack({keystack.begin(), keystack.end()}, words, false, trace);
    } else if (limit_ == 4 && !memories_.empty()) {
        reply = memories_.front();
        memories_.pop_front();
        if (trace) {
            trace->memoryRecalled = true;
            trace->source = "memory";
        }
    } else {
        reply = noneReply(words, false, trace);
    }
    if (trace) trace->reply = reply;
    return reply;
}

// Keeps the first clause holding a keyword, substitutes words, and returns the keystack, top first.
Words ElizaEngine::scan(Words& words, ElizaTrace* trace) const {
    std::deque<std::string> keystack;
    int top = 0;
    for (size_t i = 0; i < words.size();) {
        if (isDelimiter(words[i])) {
            if (keystack.empty()) {
                words.erase(words.begin(), words.begin() + static_cast<long>(i) + 1);
                i = 0;
                continue;
            }
            words.erase(words.begin() + static_cast<long>(i), words.end());
            break;
        }
        const KeywordRule* rule = words[i] == kNoneKeyword ? nullptr : script_.rule(words[i]);
        if (rule) {
            if (rule->isKeyword()) {
                if (rule->rank > top) {
                    keystack.push_front(words[i]);
                    top = rule->rank;
                } else {
                    keystack.push_back(words[i]);
                }
                if (trace) trace->keywords.push_back({words[i], rule->rank});
            }
            if (!rule->substitution.empty()) words[i] = rule->substitution;
        }
        ++i;
    }
    return {keystack.begin(), keystack.end()};
}

std::string ElizaEngine::processKeystack(std::deque<std::string> keystack, Words words, bool inNone,
                                         ElizaTrace* trace) {
    for (int transitions = 0; !keystack.empty(); ++transitions) {
        if (transitions >= kMaxTransitions) return noMatchReply(trace);
        const std::string keyword = keystack.front();
        keystack.pop_front();
        const Outcome outcome = tryKeyword(keyword, keystack, words, trace);
        if (outcome.kind == Outcome::Kind::Reply) {
            if (trace) trace->source = inNone ? "none" : "keyword";
            return outcome.reply;
        }
        if (outcome.kind == Outcome::Kind::NoMatch) return noMatchReply(trace);
        if (outcome.kind == Outcome::Kind::NewKey && keystack.empty()) return noneReply(words, inNone, trace);
    }
    return noneReply(words, inNone, trace);
}

// Applies `keyword`'s rule to `words`: a reply, or links/PRE/NEWKEY that change `keystack` and `words`.
ElizaEngine::Outcome ElizaEngine::tryKeyword(const std::string& keyword, std::deque<std::string>& keystack,
                                             Words& words, ElizaTrace* trace) {
    TraceStep step;
    step.keyword = keyword;
    if (trace) step.text = joinWords(words);
    auto record = [&](Outcome::Kind kind, std::string reply = {}) {
        if (trace) trace->steps.push_back(step);
        return Outcome{kind, std::move(reply)};
    };
    const KeywordRule* rule = script_.rule(keyword);
    if (!rule) {
        step.event = "unknown-keyword";
        return record(Outcome::Kind::NoMatch);
    }
    if (keyword == script_.memory.keyword) createMemory(words, trace);

    Components components;
    size_t d = 0;
    while (d < rule->decompositions.size() &&
           !matchDecomposition(rule->decompositions[d].pattern, words, script_.tags, components))
        ++d;
    if (d == rule->decompositions.size()) {
        step.event = rule->fallbackLink.empty() ? "no-match" : "fallback-link";
        step.linkTo = rule->fallbackLink;
        if (rule->fallbackLink.empty()) return record(Outcome::Kind::NoMatch);
        keystack.push_front(rule->fallbackLink);
        return record(Outcome::Kind::Continue);
    }

    const Decomposition& decomposition = rule->decompositions[d];
    size_t& next = cursor(keyword, d);
    const Reassembly& r = decomposition.reassemblies[next];
    step.event = "decomposition";
    step.decomposition = static_cast<int>(d);
    step.reassembly = static_cast<int>(next);
    step.linkTo = r.link;
    next = (next + 1) % decomposition.reassemblies.size();  // advances for every kind of entry
    if (trace) {
        step.pattern = patternText(decomposition.pattern);
        for (const auto& c : components) step.components.push_back(joinWords(c));
        step.reassemblyText = r.text();
    }
    switch (r.kind) {
    case Reassembly::Kind::Template:
        step.action = "reply";
        return record(Outcome::Kind::Reply, joinWords(reassemble(r.tokens, components)));
    case Reassembly::Kind::Link:
        step.action = "link";
        keystack.push_front(r.link);
        return record(Outcome::Kind::Continue);
    case Reassembly::Kind::Pre:
        step.action = "pre";
        words = reassemble(r.tokens, components);  // no new scan or substitution
        keystack.push_front(r.link);
        return record(Outcome::Kind::Continue);
    case Reassembly::Kind::NewKey:
        step.action = "newkey";
        return record(Outcome::Kind::NewKey);
    }
    return record(Outcome::Kind::NoMatch);
}

std::string ElizaEngine::noneReply(const Words& words, bool inNone, ElizaTrace* trace) {
    // Inside NONE itself (a NEWKEY with nothing left) there is nowhere further to go.
    if (inNone || !script_.rule(kNoneKeyword)) return noMatchReply(trace);
    return processKeystack({kNoneKeyword}, words, true, trace);
}

std::string ElizaEngine::noMatchReply(ElizaTrace* trace) const {
    if (trace) trace->source = "nomatch";
    return kNoMatchReplies[static_cast<size_t>(limit_ - 1)];
}

void ElizaEngine::createMemory(const Words& words, ElizaTrace* trace) {
    const std::string lastWord = words.empty() ? std::string() : words.back();
    const unsigned i = slipHash(lastChunkAsBcd(lastWord), 2);
    const MemoryTransformation& t = script_.memory.transformations[i];
    Components components;
    if (!matchDecomposition(t.pattern, words, script_.tags, components)) return;
    memories_.push_back(joinWords(reassemble(t.reassembly, components)));
    if (trace) {
        trace->memoryCreated = memories_.back();
        trace->memoryTransformation = static_cast<int>(i);
    }
}

}  // namespace rlhf::eliza
