#include "text/RegexSplitter.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>

#include "text/Utf8.h"

namespace rlhf::text {

std::string withWhiteSpaceSpelledOut(const std::string& pattern) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            const char next = pattern[++i];
            if (next == 's') out += "\\p{White_Space}";        // inside a bracket class too
            else if (next == 'S') out += "\\P{White_Space}";
            else out += {'\\', next};
            continue;
        }
        out += pattern[i];
    }
    return out;
}

struct RegexSplitter::Pattern {
    pcre2_code* code = nullptr;
    Pattern(const std::string& pattern, bool literal) {
        int error = 0;
        PCRE2_SIZE offset = 0;
        const std::string compiled = literal ? pattern : withWhiteSpaceSpelledOut(pattern);
        const uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | (literal ? PCRE2_LITERAL : 0);
        code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(compiled.c_str()), compiled.size(), options, &error, &offset, nullptr);
        if (!code) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(error, message, sizeof message);
            throw std::invalid_argument("the pattern does not compile at offset " + std::to_string(offset) + ": " +
                                        reinterpret_cast<const char*>(message));
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter when JIT is absent
    }
    ~Pattern() { pcre2_code_free(code); }
};

RegexSplitter::RegexSplitter(const std::string& pattern, bool literal)
    : pattern_(std::make_unique<Pattern>(pattern, literal)) {}

RegexSplitter RegexSplitter::gpt2() {
    return RegexSplitter(R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)");
}

RegexSplitter::~RegexSplitter() = default;
RegexSplitter::RegexSplitter(RegexSplitter&&) noexcept = default;
RegexSplitter& RegexSplitter::operator=(RegexSplitter&&) noexcept = default;

void RegexSplitter::split(std::string_view text, const std::function<void(std::string_view)>& onPiece) const {
    if (text.empty()) return;
    const std::unique_ptr<pcre2_match_data, void (*)(pcre2_match_data*)> owned(
        pcre2_match_data_create_from_pattern(pattern_->code, nullptr), pcre2_match_data_free);
    pcre2_match_data* match = owned.get();
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t pieceStart = 0, searchAt = 0;
    while (searchAt < text.size()) {
        const int rc = pcre2_match(pattern_->code, subject, text.size(), searchAt, PCRE2_NO_UTF_CHECK, match, nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {  // a match or JIT stack limit: the rest as one piece would tokenise differently
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(rc, message, sizeof message);
            throw std::runtime_error(std::string("pre-tokenizer regex: ") + reinterpret_cast<const char*>(message));
        }
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(match);
        const size_t begin = ovector[0], end = ovector[1];
        if (begin == end) {  // an empty match cuts nothing: look again one character on
            if (begin >= text.size()) break;
            char32_t cp = 0;
            searchAt = begin + std::max<size_t>(1, decodeOne(text, begin, cp));
            continue;
        }
        if (begin > pieceStart) onPiece(text.substr(pieceStart, begin - pieceStart));
        onPiece(text.substr(begin, end - begin));
        pieceStart = searchAt = end;
    }
    if (pieceStart < text.size()) onPiece(text.substr(pieceStart));
}

}  // namespace rlhf::text
