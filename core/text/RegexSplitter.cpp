#include "text/RegexSplitter.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>

#include "text/Utf8.h"

namespace rlhf::text {

namespace {
// Unicode's White_Space, as the members of a bracket class.
const std::string kWhiteSpace =
    R"(\t\n\x{0B}\f\r\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";
}

std::string withWhiteSpaceSpelledOut(const std::string& pattern) {
    std::string out;
    int classDepth = 0;  // inside [...] (PCRE2 nests only [:posix:] classes, which hold no escapes)
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char next = pattern[++i];
            if (next == 's') out += classDepth > 0 ? kWhiteSpace : "[" + kWhiteSpace + "]";
            else if (next == 'S' && classDepth == 0) out += "[^" + kWhiteSpace + "]";
            else if (next == 'S') throw std::invalid_argument("\\S inside a bracket class is not supported");
            else out += {c, next};
            continue;
        }
        if (c == '[') ++classDepth;
        else if (c == ']' && classDepth > 0) --classDepth;
        out += c;
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
    pcre2_match_data* match = pcre2_match_data_create_from_pattern(pattern_->code, nullptr);
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    size_t pieceStart = 0, searchAt = 0;
    while (searchAt < text.size()) {
        const int rc = pcre2_match(pattern_->code, subject, text.size(), searchAt, PCRE2_NO_UTF_CHECK, match, nullptr);
        if (rc < 0) break;
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
    pcre2_match_data_free(match);
}

}  // namespace rlhf::text
