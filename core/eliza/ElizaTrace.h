#pragma once
// Why ELIZA said what it said: everything the engine did for one reply, for the chat panel's trace
// view and `rlhf eliza --trace` (one JSON object per reply).

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eliza/ElizaScript.h"

namespace rlhf::eliza {

struct KeywordHit {
    std::string word;
    int rank = 0;
};

// One keyword tried while building the reply, in order.
struct TraceStep {
    std::string keyword;
    std::string event;          // "decomposition", "no-match", "fallback-link", "unknown-keyword"
    std::string text;           // the working text the keyword's rule saw
    int decomposition = -1;     // index within the rule, -1 when none matched
    std::string pattern;
    Words components;           // joined component words, one entry per pattern element
    int reassembly = -1;        // index within the decomposition
    std::string reassemblyText;
    std::string action;         // "reply", "link", "pre", "newkey"
    std::string linkTo;         // keyword jumped to by =, PRE or the rule-level link
};

struct ElizaTrace {
    std::string input;
    std::string normalised;     // upper-cased, punctuation mapped
    Words words;                // after clause trimming and substitution
    std::vector<KeywordHit> keywords;  // found in the scan, in text order
    Words keystack;             // after the scan, top first
    int limit = 0;
    std::vector<TraceStep> steps;
    std::string memoryCreated;  // empty when none
    int memoryTransformation = -1;
    bool memoryRecalled = false;
    std::string source;         // "keyword", "memory", "none", "nomatch"
    std::string reply;
};

nlohmann::json toJson(const ElizaTrace& trace);

}  // namespace rlhf::eliza
