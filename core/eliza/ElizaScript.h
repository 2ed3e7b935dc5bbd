#pragma once
// The in-memory form of an ELIZA script in the 1966 CACM syntax (docs/eliza-algorithm.md §2).
// Plain data: the parser builds it, the engine reads it; per-session state (reassembly cursors,
// memories, LIMIT) lives in ElizaEngine, so one Script can serve many conversations.

#include <array>
#include <map>
#include <string>
#include <vector>

namespace rlhf::eliza {

using Words = std::vector<std::string>;

// One element of a decomposition pattern such as (0 YOU (*WANT NEED) 0).
struct PatternElement {
    enum class Kind {
        AnyWords,    // "0": any number of words, possibly none
        CountWords,  // "n" (n > 0): exactly n words
        Word,        // a literal word
        OneOfWords,  // (*A B C): one word from the list
        OneOfTags,   // (/T1 T2): one word carrying any of the DLIST tags
    };
    Kind kind = Kind::Word;
    int count = 0;         // CountWords only
    std::string word;      // Word only
    Words choices;         // OneOfWords: words; OneOfTags: tag names
    std::string text() const;  // as written in a script, e.g. "(*WANT NEED)"
};
using Pattern = std::vector<PatternElement>;
std::string patternText(const Pattern& pattern);

// One reassembly entry of a decomposition rule.
struct Reassembly {
    enum class Kind {
        Template,  // (WHY DO YOU SAY 3): numbers are decomposition components
        Link,      // (=KEY): try KEY's rule on the same text
        NewKey,    // (NEWKEY): give up on this keyword, try the next one on the keystack
        Pre,       // (PRE (I ARE 3) (=YOU)): reassemble, then try YOU's rule on the result
    };
    Kind kind = Kind::Template;
    Words tokens;        // Template and Pre: the template tokens
    std::string link;    // Link and Pre: the keyword linked to
    std::string text() const;
};

struct Decomposition {
    Pattern pattern;
    std::vector<Reassembly> reassemblies;  // never empty
    int line = 0;                          // where the rule starts in the script
};

// A rule for one word: a keyword (has decompositions or a link), or only a substitution / DLIST.
struct KeywordRule {
    std::string word;
    std::string substitution;      // "= SUBST"; empty when none
    Words tags;                    // DLIST(/TAG ...)
    int rank = 0;
    std::vector<Decomposition> decompositions;
    std::string fallbackLink;      // rule-level (=KEY): used when no decomposition matches
    int line = 0;

    bool isKeyword() const { return !decompositions.empty() || !fallbackLink.empty(); }
};

// (MEMORY MY (0 YOUR 0 = LETS DISCUSS FURTHER WHY YOUR 3) ...×4)
struct MemoryTransformation {
    Pattern pattern;
    Words reassembly;
};
struct MemoryRule {
    std::string keyword;  // empty when the script has no MEMORY rule
    std::array<MemoryTransformation, 4> transformations;
};

// The tag table from DLISTs: tag -> words carrying it, e.g. FAMILY -> MOTHER FATHER ...
using TagTable = std::map<std::string, Words>;

struct Script {
    Words greeting;
    std::map<std::string, KeywordRule> rules;  // by word
    MemoryRule memory;
    TagTable tags;

    const KeywordRule* rule(const std::string& word) const;
    size_t keywordCount() const;
};

inline constexpr const char* kNoneKeyword = "NONE";

}  // namespace rlhf::eliza
