#pragma once
// One regex step of a Hugging Face pre-tokenizer (Split with behavior "Isolated", invert false): the text
// is cut into the pattern's matches and the stretches between them, each a piece. Patterns are written
// for the Rust tokenizers' regex engine (Oniguruma); they are compiled with PCRE2 (Unicode properties,
// JIT) after \s and \S become \p{White_Space} and \P{White_Space}, which is what \s means to Oniguruma,
// tiktoken and OpenAI's encoder.py: PCRE2's own \s also takes U+180E MONGOLIAN VOWEL SEPARATOR (through
// \h), a format character since Unicode 6.3, and would cut " \u180e" where they keep it whole.
// gpt2() is GPT-2's pattern 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+,
// which matches all text, so its pieces are its matches.
// Thread-safe: the compiled pattern is shared, match data is per call.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace rlhf::text {

class RegexSplitter {
public:
    // Throws std::invalid_argument naming the problem when the pattern does not compile. literal: the
    // pattern is a plain string (a Split pre-tokenizer's {"String": …}).
    explicit RegexSplitter(const std::string& pattern, bool literal = false);
    static RegexSplitter gpt2();
    ~RegexSplitter();
    RegexSplitter(RegexSplitter&&) noexcept;
    RegexSplitter& operator=(RegexSplitter&&) noexcept;

    // Calls `onPiece` for each piece of `utf8` in order (never an empty one). The text must be valid UTF-8.
    // Throws std::runtime_error when PCRE2 gives up (its match limits) rather than cut differently.
    void split(std::string_view utf8, const std::function<void(std::string_view)>& onPiece) const;

private:
    struct Pattern;
    std::unique_ptr<Pattern> pattern_;
};

// `pattern` (Oniguruma syntax) with \s and \S as Unicode's White_Space, for PCRE2.
std::string withWhiteSpaceSpelledOut(const std::string& pattern);

}  // namespace rlhf::text
