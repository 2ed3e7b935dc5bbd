#pragma once
// The 1966 ELIZA response procedure (docs/eliza-algorithm.md §3-§7) over any Script. One instance is one
// conversation: it owns the reassembly cursors, the MEMORY queue and the LIMIT counter.
// Not thread-safe; use one engine per thread. Deterministic: same inputs, same replies.

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eliza/ElizaScript.h"
#include "eliza/ElizaTrace.h"

namespace rlhf::eliza {

class ElizaEngine {
public:
    explicit ElizaEngine(Script script);

    std::string greeting() const;
    // The reply to one line of user input; fills `trace` when given.
    std::string reply(std::string_view input, ElizaTrace* trace = nullptr);
    // Back to a fresh conversation (cursors, memories, LIMIT).
    void reset();

    const Script& script() const { return script_; }
    int limit() const { return limit_; }
    const std::deque<std::string>& memories() const { return memories_; }

    // Link chains longer than this (a script whose =links loop forever) end in a NOMATCH reply.
    static constexpr int kMaxTransitions = 100000;

private:
    struct Outcome {
        enum class Kind { Reply, Continue, NewKey, NoMatch };
        Kind kind;
        std::string reply;
    };
    Words scan(Words& words, ElizaTrace* trace) const;
    std::string processKeystack(std::deque<std::string> keystack, Words words, bool inNone, ElizaTrace* trace);
    Outcome tryKeyword(const std::string& keyword, std::deque<std::string>& keystack, Words& words, ElizaTrace* trace);
    std::string noneReply(const Words& words, bool inNone, ElizaTrace* trace);
    std::string noMatchReply(ElizaTrace* trace) const;
    void createMemory(const Words& words, ElizaTrace* trace);
    size_t& cursor(const std::string& keyword, size_t decomposition);

    Script script_;
    std::map<std::string, std::vector<size_t>> cursors_;  // keyword -> next reassembly per decomposition
    std::deque<std::string> memories_;
    int limit_ = 1;
};

}  // namespace rlhf::eliza
