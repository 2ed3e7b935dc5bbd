#pragma once
// Splits script text into tokens: "(", ")", "=", and symbols (upper-cased), with 1-based positions.

#include <string>
#include <string_view>
#include <vector>

namespace rlhf::eliza {

struct ScriptToken {
    enum class Kind { Open, Close, Equals, Symbol, End };
    Kind kind = Kind::End;
    std::string text;
    int line = 1;
    int column = 1;
};

std::vector<ScriptToken> lexScript(std::string_view text);
std::string describe(const ScriptToken& token);  // for messages: "')'", "'HELLO'", "end of file"

}  // namespace rlhf::eliza
