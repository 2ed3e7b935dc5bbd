#pragma once
// Reads an ELIZA script in the 1966 CACM syntax (docs/eliza-algorithm.md §2):
//   (greeting words) [START] (rule)... [()]
//   rule:   (KEY [= SUBST] [DLIST(/TAG...)] [RANK] [((pattern) reassembly...)...] [(=LINK)])
//   memory: (MEMORY KEY (pattern = template) ×4)
// `;` starts a comment. Tokens are upper-cased. Every error names line and column and what was expected.

#include <stdexcept>
#include <string>
#include <string_view>

#include "eliza/ElizaScript.h"

namespace rlhf::eliza {

class ScriptError : public std::runtime_error {
public:
    ScriptError(std::string source, int line, int column, const std::string& message);
    const std::string& source() const { return source_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& reason() const { return reason_; }

private:
    std::string source_;
    int line_;
    int column_;
    std::string reason_;
};

// Parses `text`; `sourceName` (a file name) prefixes error messages: "doctor.txt:12:5: expected ')'".
Script parseScript(std::string_view text, const std::string& sourceName = "script");

}  // namespace rlhf::eliza
