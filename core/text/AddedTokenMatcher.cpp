#include "text/AddedTokenMatcher.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <stdexcept>

namespace rlhf::text {

namespace {

// Bytes in the UTF-8 sequence that starts with `lead`.
size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

// Start of the code point that ends at byte `end` (> 0).
size_t previousStart(std::string_view text, size_t end) {
    size_t at = end - 1;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

char32_t codePointAt(std::string_view text, size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t n = sequenceLength(lead);
    char32_t cp = n == 1 ? lead : n == 2 ? (lead & 0x1F) : n == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
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
    for (const auto& t : tokens_) contents_.insert(t.content);
}

AddedTokenMatcher::~AddedTokenMatcher() = default;
AddedTokenMatcher::AddedTokenMatcher(AddedTokenMatcher&&) noexcept = default;
AddedTokenMatcher& AddedTokenMatcher::operator=(AddedTokenMatcher&&) noexcept = default;

bool AddedTokenMatcher::contains(const std::string& content) const { return contents_.count(content) > 0; }

// Whether the code point just before `at` (before) or at `at` (!before) is a word character.
bool AddedTokenMatcher::isWordAt(std::string_view text, size_t at, bool before) const {
    const size_t start = before ? previousStart(text, at) : at;
    return word_->matches(text.substr(start, sequenceLength(static_cast<unsigned char>(text[start]))));
}

std::vector<AddedTokenMatcher::Piece> AddedTokenMatcher::findMatches(std::string_view text, bool normalized) const {
    std::vector<Piece> pieces;
    size_t taken = 0, searchFrom = 0;  // end of the last match (with its stripped spaces); where to look next
    // Each token's next occurrence at or after searchFrom, found again only once passed: one scan of
    // the text per token, however many matches (a corpus with an <|endoftext|> between documents).
    std::vector<size_t> nextAt(tokens_.size(), 0);
    std::vector<bool> searched(tokens_.size(), false);
    while (true) {
        size_t start = std::string_view::npos;
        const AddedToken* token = nullptr;
        for (size_t i = 0; i < tokens_.size(); ++i) {
            if (tokens_[i].normalized != normalized) continue;
            if (!searched[i] || (nextAt[i] != std::string_view::npos && nextAt[i] < searchFrom)) {
                nextAt[i] = text.find(tokens_[i].content, searchFrom);
                searched[i] = true;
            }
            if (nextAt[i] < start) start = nextAt[i], token = &tokens_[i];  // longest first: ties keep the longest
        }
        if (!token) break;
        size_t stop = start + token->content.size();
        searchFrom = stop;  // the next match is looked for after this one, stripped spaces or not
        if (token->singleWord &&
            ((start > 0 && isWordAt(text, start, true)) || (stop < text.size() && isWordAt(text, stop, false))))
            continue;
        if (token->lstrip) {
            size_t s = start;
            while (s > 0 && isWhiteSpace(codePointAt(text, previousStart(text, s)))) s = previousStart(text, s);
            start = std::max(s, taken);
        }
        if (token->rstrip)
            while (stop < text.size() && isWhiteSpace(codePointAt(text, stop)))
                stop += sequenceLength(static_cast<unsigned char>(text[stop]));
        if (taken < start) pieces.push_back({taken, start, nullptr});
        pieces.push_back({start, stop, token});
        taken = stop;
    }
    if (taken < text.size()) pieces.push_back({taken, text.size(), nullptr});
    return pieces;
}

void AddedTokenMatcher::split(std::string_view utf8, const std::function<void(std::string_view)>& onText,
                              const std::function<void(const AddedToken&)>& onToken) const {
    for (const auto& outer : findMatches(utf8, false)) {
        if (outer.token) {
            onToken(*outer.token);
            continue;
        }
        // What the tokens matched as written leave is matched again with the normalized ones, each
        // stretch on its own (its ends count as the ends of a text for single_word).
        const std::string_view rest = utf8.substr(outer.begin, outer.end - outer.begin);
        for (const auto& inner : findMatches(rest, true)) {
            if (inner.token) onToken(*inner.token);
            else onText(rest.substr(inner.begin, inner.end - inner.begin));
        }
    }
}

}  // namespace rlhf::text
