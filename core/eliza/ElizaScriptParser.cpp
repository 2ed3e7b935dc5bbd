#include "eliza/ElizaScriptParser.h"

#include <algorithm>

#include "eliza/ElizaScriptLexer.h"

namespace rlhf::eliza {

ScriptError::ScriptError(std::string source, int line, int column, const std::string& message)
    : std::runtime_error(source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message),
      source_(std::move(source)), line_(line), column_(column), reason_(message) {}

namespace {

using Kind = ScriptToken::Kind;

bool allDigits(const std::string& s) {
    return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class ScriptParser {
public:
    ScriptParser(std::string_view text, std::string source) : tokens_(lexScript(text)), source_(std::move(source)) {}

    Script parse() {
        expect(Kind::Open, "'(' to open the greeting");
        script_.greeting = parseWordsUntilClose("the greeting");
        if (peek().kind == Kind::Symbol && peek().text == "START") next();
        while (peek().kind != Kind::End) {
            const ScriptToken& open = expect(Kind::Open, "'(' to start a rule");
            if (peek().kind == Kind::Close) { next(); continue; }  // the closing "()"
            parseRule(open);
        }
        validateMemory();
        return std::move(script_);
    }

private:
    const ScriptToken& peek(size_t ahead = 0) const {
        return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
    }
    const ScriptToken& next() {
        const ScriptToken& t = tokens_[pos_];
        if (pos_ + 1 < tokens_.size()) ++pos_;
        return t;
    }
    [[noreturn]] void fail(const ScriptToken& at, const std::string& message) const {
        throw ScriptError(source_, at.line, at.column, message);
    }
    const ScriptToken& expect(Kind kind, const std::string& what) {
        if (peek().kind != kind) fail(peek(), "expected " + what + ", found " + describe(peek()));
        return next();
    }
    std::string expectSymbol(const std::string& what) { return expect(Kind::Symbol, what).text; }

    // Plain words up to ')'; '=' is kept as a word. Used for the greeting and templates.
    Words parseWordsUntilClose(const std::string& what) {
        Words words;
        while (peek().kind == Kind::Symbol || peek().kind == Kind::Equals) words.push_back(next().text);
        expect(Kind::Close, "a word or ')' to close " + what);
        return words;
    }

    void parseRule(const ScriptToken& open) {
        const ScriptToken& keyTok = expect(Kind::Symbol, "a keyword after '('");
        if (keyTok.text == "MEMORY" && peek().kind == Kind::Symbol && !allDigits(peek().text))
            return parseMemoryRule(keyTok);
        if (script_.rules.count(keyTok.text))
            fail(keyTok, "duplicate rule for keyword " + keyTok.text + " (first defined on line " +
                             std::to_string(script_.rules[keyTok.text].line) + ")");
        KeywordRule rule;
        rule.word = keyTok.text;
        rule.line = open.line;
        while (peek().kind != Kind::Close) parseRulePart(rule);
        next();
        for (const auto& tag : rule.tags) script_.tags[tag].push_back(rule.word);
        script_.rules.emplace(rule.word, std::move(rule));
    }

    void parseRulePart(KeywordRule& rule) {
        const ScriptToken& t = peek();
        if (!rule.fallbackLink.empty())
            fail(t, "expected ')' to close the rule for " + rule.word + " after its (=" + rule.fallbackLink + ") link");
        if (t.kind == Kind::Equals) {
            next();
            if (!rule.substitution.empty()) fail(t, "second '=' substitution in the rule for " + rule.word);
            rule.substitution = expectSymbol("a substitute word after '='");
        } else if (t.kind == Kind::Symbol && t.text == "DLIST") {
            next();
            parseDlist(rule);
        } else if (t.kind == Kind::Symbol && allDigits(t.text)) {
            next();
            rule.rank = std::stoi(t.text);
        } else if (t.kind == Kind::Open && peek(1).kind == Kind::Open) {
            rule.decompositions.push_back(parseDecomposition());
        } else if (t.kind == Kind::Open && peek(1).kind == Kind::Equals) {
            next();
            next();
            rule.fallbackLink = expectSymbol("a keyword after '(='");
            expect(Kind::Close, "')' after the link (=" + rule.fallbackLink + ")");
        } else {
            fail(t, "expected '= SUBSTITUTE', DLIST, a rank, '((' to start a decomposition, '(=' for a link "
                    "or ')' in the rule for " + rule.word + ", found " + describe(t));
        }
    }

    void parseDlist(KeywordRule& rule) {
        expect(Kind::Open, "'(' after DLIST");
        while (peek().kind == Kind::Symbol) {
            std::string tag = next().text;
            if (!tag.empty() && tag[0] == '/') tag.erase(0, 1);
            if (!tag.empty()) rule.tags.push_back(tag);
        }
        expect(Kind::Close, "a /TAG or ')' to close the DLIST");
    }

    Decomposition parseDecomposition() {
        Decomposition d;
        d.line = expect(Kind::Open, "'(' to start a decomposition").line;
        expect(Kind::Open, "'(' to start a decomposition pattern");
        d.pattern = parsePattern(Kind::Close);
        next();
        while (peek().kind == Kind::Open) d.reassemblies.push_back(parseReassembly(d.pattern));
        if (d.reassemblies.empty()) fail(peek(), "expected a reassembly rule after the pattern " + patternText(d.pattern));
        expect(Kind::Close, "'(' for another reassembly or ')' to close the decomposition");
        return d;
    }

    // Pattern elements up to (not including) a token of kind `end`.
    Pattern parsePattern(Kind end) {
        Pattern pattern;
        while (peek().kind != end) {
            const ScriptToken& t = peek();
            if (t.kind == Kind::Symbol) {
                pattern.push_back(patternWord(next()));
            } else if (t.kind == Kind::Open) {
                next();
                pattern.push_back(parseChoice(t));
            } else {
                fail(t, std::string("expected a pattern element or '") + (end == Kind::Close ? ")" : "=") +
                            "', found " + describe(t));
            }
        }
        return pattern;
    }

    static PatternElement patternWord(const ScriptToken& t) {
        PatternElement e;
        if (allDigits(t.text)) {
            e.count = std::stoi(t.text);
            e.kind = e.count == 0 ? PatternElement::Kind::AnyWords : PatternElement::Kind::CountWords;
        } else {
            e.kind = PatternElement::Kind::Word;
            e.word = t.text;
        }
        return e;
    }

    // (*A B C) or (/TAG ...), after the '('.
    PatternElement parseChoice(const ScriptToken& open) {
        const ScriptToken& first = expect(Kind::Symbol, "'*' or '/' after '(' in a pattern");
        if (first.text[0] != '*' && first.text[0] != '/')
            fail(first, "expected '*' (one of words) or '/' (one of tags) after '(' in a pattern, found " + describe(first));
        PatternElement e;
        e.kind = first.text[0] == '*' ? PatternElement::Kind::OneOfWords : PatternElement::Kind::OneOfTags;
        if (first.text.size() > 1) e.choices.push_back(first.text.substr(1));
        while (peek().kind == Kind::Symbol) e.choices.push_back(next().text);
        expect(Kind::Close, "a word or ')' to close the list");
        if (e.choices.empty()) fail(open, "empty word or tag list in a pattern");
        return e;
    }

    Reassembly parseReassembly(const Pattern& pattern) {
        const ScriptToken& open = next();
        Reassembly r;
        if (peek().kind == Kind::Equals) {
            next();
            r.kind = Reassembly::Kind::Link;
            r.link = expectSymbol("a keyword after '(='");
            expect(Kind::Close, "')' after the link (=" + r.link + ")");
        } else if (peek().kind == Kind::Symbol && peek().text == "NEWKEY" && peek(1).kind == Kind::Close) {
            next();
            next();
            r.kind = Reassembly::Kind::NewKey;
        } else if (peek().kind == Kind::Symbol && peek().text == "PRE" && peek(1).kind == Kind::Open) {
            next();
            r = parsePre(pattern);
        } else {
            r.kind = Reassembly::Kind::Template;
            const ScriptToken& first = peek();
            r.tokens = parseWordsUntilClose("the reassembly");
            checkComponents(r.tokens, pattern, first);
        }
        (void)open;
        return r;
    }

    // After "(PRE": (template) (=KEY) )
    Reassembly parsePre(const Pattern& pattern) {
        Reassembly r;
        r.kind = Reassembly::Kind::Pre;
        const ScriptToken& open = expect(Kind::Open, "'(' to start the PRE template");
        r.tokens = parseWordsUntilClose("the PRE template");
        checkComponents(r.tokens, pattern, open);
        expect(Kind::Open, "'(=KEY)' after the PRE template");
        expect(Kind::Equals, "'=' in the PRE link (=KEY)");
        r.link = expectSymbol("a keyword after '(='");
        expect(Kind::Close, "')' after the PRE link");
        expect(Kind::Close, "')' to close the PRE rule");
        return r;
    }

    void checkComponents(const Words& templ, const Pattern& pattern, const ScriptToken& at) const {
        for (const auto& token : templ) {
            if (!allDigits(token)) continue;
            const int k = std::stoi(token);
            if (k < 1 || static_cast<size_t>(k) > pattern.size())
                fail(at, "reassembly refers to component " + token + " but the pattern " + patternText(pattern) +
                             " has " + std::to_string(pattern.size()));
        }
    }

    void parseMemoryRule(const ScriptToken& memoryTok) {
        if (!script_.memory.keyword.empty()) fail(memoryTok, "second MEMORY rule");
        script_.memory.keyword = next().text;
        memoryLine_ = memoryTok;
        for (auto& transformation : script_.memory.transformations) {
            expect(Kind::Open, "'(' to start one of the four MEMORY transformations");
            transformation.pattern = parsePattern(Kind::Equals);
            const ScriptToken& eq = next();
            transformation.reassembly = parseWordsUntilClose("the MEMORY transformation");
            checkComponents(transformation.reassembly, transformation.pattern, eq);
        }
        expect(Kind::Close, "')' to close the MEMORY rule after exactly four transformations");
    }

    void validateMemory() const {
        const std::string& key = script_.memory.keyword;
        if (key.empty()) return;
        const KeywordRule* r = script_.rule(key);
        if (!r || !r->isKeyword())
            fail(memoryLine_, "the MEMORY keyword " + key + " has no keyword rule of its own");
    }

    std::vector<ScriptToken> tokens_;
    size_t pos_ = 0;
    std::string source_;
    Script script_;
    ScriptToken memoryLine_;
};

}  // namespace

Script parseScript(std::string_view text, const std::string& sourceName) {
    return ScriptParser(text, sourceName).parse();
}

}  // namespace rlhf::eliza
