#include "eliza/ElizaScriptLexer.h"

#include "eliza/ElizaText.h"

namespace rlhf::eliza {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool endsSymbol(char c) { return isSpace(c) || c == '(' || c == ')' || c == '=' || c == ';'; }
}  // namespace

std::vector<ScriptToken> lexScript(std::string_view text) {
    std::vector<ScriptToken> tokens;
    int line = 1;
    int column = 1;
    size_t i = 0;
    auto advance = [&](size_t n) {
        for (size_t k = 0; k < n; ++k, ++i) {
            if (text[i] == '\n') { ++line; column = 1; }
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
        }
    };
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte order mark
    while (i < text.size()) {
        const char c = text[i];
        if (isSpace(c)) { advance(1); continue; }
        if (c == ';') {
            while (i < text.size() && text[i] != '\n') advance(1);
            continue;
        }
        ScriptToken tok;
        tok.line = line;
        tok.column = column;
        if (c == '(' || c == ')' || c == '=') {
            tok.kind = c == '(' ? ScriptToken::Kind::Open
                     : c == ')' ? ScriptToken::Kind::Close : ScriptToken::Kind::Equals;
            tok.text = std::string(1, c);
            advance(1);
        } else {
            size_t end = i;
            while (end < text.size() && !endsSymbol(text[end])) ++end;
            tok.kind = ScriptToken::Kind::Symbol;
            tok.text = upperCaseWord(text.substr(i, end - i));
            advance(end - i);
        }
        tokens.push_back(std::move(tok));
    }
    ScriptToken end;
    end.line = line;
    end.column = column;
    tokens.push_back(end);
    return tokens;
}

std::string describe(const ScriptToken& token) {
    if (token.kind == ScriptToken::Kind::End) return "end of file";
    return "'" + token.text + "'";
}

}  // namespace rlhf::eliza
