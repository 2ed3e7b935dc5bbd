#include "text/Gpt2PreTokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>
#include <string>

namespace rlhf::text {

namespace {
// GPT-2's pattern with \s spelled out as Unicode's White_Space, which is what \s means to the regex
// engines of Hugging Face's tokenizers (Oniguruma), tiktoken (Rust) and OpenAI's encoder.py (regex):
// PCRE2's \s also takes U+180E MONGOLIAN VOWEL SEPARATOR (through \h), a format character since Unicode
// 6.3, and would cut " \u180e" where they keep it whole.
std::string gpt2Pattern() {
    const std::string ws = R"(\t\n\x{0B}\f\r\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";
    return R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^)" + ws + R"(\p{L}\p{N}]+|[)" + ws + "]+(?![^" + ws + "])|[" + ws +
           "]+";
}
}

struct Gpt2PreTokenizer::Pattern {
    pcre2_code* code = nullptr;
    Pattern() {
        int error = 0;
        PCRE2_SIZE offset = 0;
        const std::string pattern = gpt2Pattern();
        code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), pattern.size(),
                             PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &error, &offset, nullptr);
        if (!code) throw std::logic_error("GPT-2 pre-tokenizer regex failed to compile");
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter when JIT is absent
    }
    ~Pattern() { pcre2_code_free(code); }
};

Gpt2PreTokenizer::Gpt2PreTokenizer() : pattern_(std::make_unique<Pattern>()) {}
Gpt2PreTokenizer::~Gpt2PreTokenizer() = default;
Gpt2PreTokenizer::Gpt2PreTokenizer(Gpt2PreTokenizer&&) noexcept = default;
Gpt2PreTokenizer& Gpt2PreTokenizer::operator=(Gpt2PreTokenizer&&) noexcept = default;

void Gpt2PreTokenizer::split(std::string_view text, const std::function<void(std::string_view)>& onPiece) const {
    if (text.empty()) return;
    pcre2_match_data* match = pcre2_match_data_create_from_pattern(pattern_->code, nullptr);
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t offset = 0;
    while (offset < text.size()) {
        // The last alternatives match any remaining text, so a match always exists and advances.
        const int rc = pcre2_match(pattern_->code, subject, text.size(), offset, PCRE2_NO_UTF_CHECK, match, nullptr);
        if (rc < 0) break;
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(match);
        if (ovector[1] == ovector[0]) break;
        onPiece(text.substr(ovector[0], ovector[1] - ovector[0]));
        offset = ovector[1];
    }
    pcre2_match_data_free(match);
}

}  // namespace rlhf::text
