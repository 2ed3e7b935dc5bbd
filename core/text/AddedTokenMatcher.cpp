#include "text/AddedTokenMatcher.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <stdexcept>

#include "text/Utf8.h"

namespace rlhf::text {

namespace {

char32_t codePointAt(std::string_view text, size_t at, size_t* length = nullptr) {
    char32_t cp = 0;
    const size_t n = decodeOne(text, at, cp);
    if (length) *length = n;
    return cp;
}

// Unicode's White_Space property (what \s means in Rust's regex, used by tokenizers for lstrip/rstrip).
bool isWhiteSpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace

// Rust's \w: Alphabetic, marks, decimal digits, connector punctuation and the two joiners.
struct AddedTokenMatcher::WordClass {
    pcre2_code* code = nullptr;
    WordClass() {
        const char* pattern = R"([\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D}])";
        int error = 0;
        PCRE2_SIZE offset = 0;
        code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern), PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, &error, &offset, nullptr);
        if (!code) throw std::logic_error("word-character class failed to compile");
    }
    ~WordClass() { pcre2_code_free(code); }
    bool matches(std::string_view codePoint) const {
        pcre2_match_data* match = pcre2_match_data_create_from_pattern(code, nullptr);
        const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(codePoint.data()), codePoint.size(), 0,
                                   PCRE2_NO_UTF_CHECK, match, nullptr);
        pcre2_match_data_free(match);
        return rc >= 0;
    }
};

AddedTokenMatcher::AddedTokenMatcher(std::vector<AddedToken> tokens)
    : tokens_(std::move(tokens)), word_(std::make_unique<WordClass>()) {
    std::stable_sort(tokens_.begin(), tokens_.end(),
                     [](const AddedToken& a, const AddedToken& b) { return a.content.size() > b.content.size(); });
    for (size_t i = 0; i < tokens_.size(); ++i) byContent_.emplace(tokens_[i].content, i);
}

AddedTokenMatcher::~AddedTokenMatcher() = default;
AddedTokenMatcher::AddedTokenMatcher(AddedTokenMatcher&&) noexcept = default;
AddedTokenMatcher& AddedTokenMatcher::operator=(AddedTokenMatcher&&) noexcept = default;

const AddedToken* AddedTokenMatcher::find(const std::string& content) const {
    const auto it = byContent_.find(content);
    return it == byContent_.end() ? nullptr : &tokens_[it->second];
}

// Whether the code point just before `at` (before) or at `at` (!before) is a word character.
bool AddedTokenMatcher::isWordAt(std::string_view text, size_t at, bool before) const {
    const size_t start = before ? previousCodePointStart(text, at) : at;
    size_t length = 0;
    codePointAt(text, start, &length);
    return word_->matches(text.substr(start, length));
}

std::vector<AddedTokenMatcher::Piece> AddedTokenMatcher::findMatches(std::string_view text, bool normalized) const {
    std::vector<Piece> pieces;
    size_t taken = 0, searchFrom = 0;  // end of the last match (with its stripped spaces); where to look next
    // Each token's next occurrence at or after searchFrom, found again only once passed: one scan of
    // the text per token, however many matches (a corpus with an <|endoftext|> between documents).
    std::vector<size_t> nextAt;
    for (const auto& t : tokens_) nextAt.push_back(t.normalized == normalized ? text.find(t.content) : std::string_view::npos);
    while (true) {
        size_t start = std::string_view::npos;
        const AddedToken* token = nullptr;
        for (size_t i = 0; i < tokens_.size(); ++i) {
            if (nextAt[i] < searchFrom) nextAt[i] = text.find(tokens_[i].content, searchFrom);  // npos stays npos
            if (nextAt[i] < start) start = nextAt[i], token = &tokens_[i];  // longest first: ties keep the longest
        }
        if (!token) break;
        size_t stop = start + token->content.size();
        searchFrom = stop;  // the next match is looked for after this one, stripped spaces or not
        if (token->singleWord &&
            ((start > 0 && isWordAt(text, start, true)) || (stop < text.size() && isWordAt(text, stop, false))))
            continue;
        if (token->lstrip) {
            while (start > taken) {  // not into what the previous match took
                const size_t before = previousCodePointStart(text, start);
                if (!isWhiteSpace(codePointAt(text, before))) break;
                start = before;
            }
            start = std::max(start, taken);
        }
        size_t length = 0;
        if (token->rstrip)
            while (stop < text.size() && isWhiteSpace(codePointAt(text, stop, &length))) stop += length;
        if (taken < start) pieces.push_back({taken, start, nullptr});
        pieces.push_back({start, stop, token});
        taken = stop;
    }
    if (taken < text.size()) pieces.push_back({taken, text.size(), nullptr});
    return pieces;
}

void AddedTokenMatcher::split(std::string_view utf8, const std::function<void(std::string_view)>& onText,
                              const std::function<void(const AddedToken&)>& onToken,
                              const std::function<std::string(std::string_view)>& normalize) const {
    for (const auto& outer : findMatches(utf8, false)) {
        if (outer.token) {
            onToken(*outer.token);
            continue;
        }
        // What the tokens matched as written leave is matched again with the normalized ones, each
        // stretch on its own (its ends count as the ends of a text for single_word).
        std::string_view rest = utf8.substr(outer.begin, outer.end - outer.begin);
        std::string normalized;
        if (normalize) rest = normalized = normalize(rest);
        for (const auto& inner : findMatches(rest, true)) {
            if (inner.token) onToken(*inner.token);
            else onText(rest.substr(inner.begin, inner.end - inner.begin));
        }
    }
}

}  // namespace rlhf::text
