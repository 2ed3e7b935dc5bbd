#pragma once
// Where the added tokens (<|endoftext|>, a fine-tuning [PAD] …) cut a text, as Hugging Face's
// tokenizers (AddedVocabulary::find_matches) cut it:
//   - leftmost-longest matches, first of the tokens with normalized = false over the whole text, then of
//     those with normalized = true within what is left, normalized (NFC for Qwen2; GPT-2 and Llama-3
//     have no normalizer, so both match the text as it is);
//   - single_word: a match touching a word character (Unicode letters, marks, decimal digits, connector
//     punctuation, ZWJ/ZWNJ — the regex \w of Rust) on either side is not a match;
//   - lstrip / rstrip: the match takes in the whitespace (Unicode White_Space) on its left / right, which
//     then belongs to no other piece.
// Thread-safe after construction.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rlhf::text {

struct AddedToken {
    std::string content;
    bool singleWord = false;
    bool lstrip = false;
    bool rstrip = false;
    bool normalized = true;  // Hugging Face's default when a file leaves it out
    bool special = false;    // left out of decoding with skipSpecialTokens (GPT-2's <|endoftext|> is)
};

class AddedTokenMatcher {
public:
    explicit AddedTokenMatcher(std::vector<AddedToken> tokens);
    ~AddedTokenMatcher();
    AddedTokenMatcher(AddedTokenMatcher&&) noexcept;
    AddedTokenMatcher& operator=(AddedTokenMatcher&&) noexcept;

    // Calls onText for each stretch between matches (never empty) and onToken for each match, in order.
    // `utf8` must be valid UTF-8. `normalize`, when given, is the tokenizer's normalizer: it is applied to
    // each stretch the tokens with normalized = false leave, before the others are matched in it.
    void split(std::string_view utf8, const std::function<void(std::string_view)>& onText,
               const std::function<void(const AddedToken&)>& onToken,
               const std::function<std::string(std::string_view)>& normalize = {}) const;

    bool contains(const std::string& content) const { return find(content) != nullptr; }
    const AddedToken* find(const std::string& content) const;  // nullptr when not an added token
    const std::vector<AddedToken>& tokens() const { return tokens_; }

private:
    struct Piece {
        size_t begin, end;
        const AddedToken* token;  // nullptr: plain text
    };
    // find_matches over `text` with the tokens whose normalized flag is `normalized`: pieces covering it.
    std::vector<Piece> findMatches(std::string_view text, bool normalized) const;
    bool isWordAt(std::string_view text, size_t at, bool before) const;

    std::vector<AddedToken> tokens_;  // longest first: the first found at a position is the longest
    std::unordered_map<std::string, size_t> byContent_;  // content -> index in tokens_
    struct WordClass;
    std::unique_ptr<WordClass> word_;
};

}  // namespace rlhf::text
