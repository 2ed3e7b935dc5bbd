#pragma once
// Exact byte-level BPE as Hugging Face's tokenizers run it (GPT-2, the workbench's from-scratch models,
// Llama-3, Qwen2, SmolLM): normalize (NFC where the file asks), pre-tokenize (PreTokenizer: GPT-2's regex
// or the file's Split / Digits steps), map bytes to printable code points, apply merges by rank.
// Reads vocab.json + merges.txt (+ added_tokens.json, with the flags of tokenizer_config.json's
// added_tokens_decoder) or a Hugging Face tokenizer.json (its added_tokens included), and the special
// tokens that special_tokens_map.json and tokenizer_config.json name beside either; add_prefix_space from
// tokenizer.json's ByteLevel pre-tokenizer or tokenizer_config.json. A tokenizer.json asking for anything
// this class does not do is refused (TokenizerJsonOptions). Added tokens, like <|endoftext|>, split the
// text before BPE as Hugging Face splits it (AddedTokenMatcher: their single_word, lstrip, rstrip and
// normalized flags) and decode verbatim.
// Thread-safe after construction.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/AddedTokenMatcher.h"
#include "text/PreTokenizer.h"

namespace rlhf::text {

// A tokenizer file that cannot be used: the message names the file and the problem.
class TokenizerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ByteLevelBpe {
public:
    static constexpr const char* kEndOfText = "<|endoftext|>";

    // Throws TokenizerError naming the file, line and problem.
    static ByteLevelBpe fromFiles(const std::string& vocabJsonPath, const std::string& mergesTxtPath);
    static ByteLevelBpe fromTokenizerJson(const std::string& tokenizerJsonPath);
    // A model directory: tokenizer.json when present, else vocab.json + merges.txt.
    static ByteLevelBpe fromDirectory(const std::string& dir);
    // From in-memory parts (used by the trainer); merges in rank order as (left, right). addedTokens
    // split the text before BPE (those missing from vocab are dropped); addedBeyondVocab are those of them
    // that save() writes to added_tokens.json rather than vocab.json (tokens added after training, as
    // Hugging Face keeps them). mergeWhere(rank) names a merge's place in its file for errors (default:
    // origin + ": merge " + rank + 1).
    ByteLevelBpe(std::unordered_map<std::string, int> vocab, std::vector<std::pair<std::string, std::string>> merges,
                 std::vector<AddedToken> addedTokens, const std::string& origin,
                 std::vector<std::string> addedBeyondVocab = {},
                 const std::function<std::string(size_t)>& mergeWhere = {});
    ByteLevelBpe(ByteLevelBpe&&) noexcept;
    ByteLevelBpe& operator=(ByteLevelBpe&&) noexcept;
    ~ByteLevelBpe();

    // Throws std::invalid_argument for invalid UTF-8 (naming the byte offset).
    std::vector<int> encode(std::string_view utf8) const;
    // As transformers' tokenizer(text) with add_special_tokens: encode() between the special tokens
    // tokenizer.json's post-processor puts around a text (Llama-3's <|begin_of_text|> before it).
    std::vector<int> encodeWithSpecialTokens(std::string_view utf8) const;
    // Bytes of the tokens; a sequence cut inside a character is not valid UTF-8 (see decodeLossy). With
    // skipSpecialTokens, special added tokens (<|endoftext|>, those flagged special or named in
    // special_tokens_map.json) are left out, as transformers' skip_special_tokens leaves them. Ids the
    // tokenizer lacks (a model's vocab_size rounded up past it, as Qwen2's is) decode to nothing, as in
    // Hugging Face's tokenizers.
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false) const;
    // As decode, invalid UTF-8 replaced by U+FFFD: for display while streaming.
    std::string decodeLossy(const std::vector<int>& ids, bool skipSpecialTokens = false) const;

    int vocabSize() const { return static_cast<int>(idToToken_.size()); }
    int tokenId(const std::string& token) const;  // -1 when absent
    int endOfTextId() const { return tokenId(kEndOfText); }
    const std::string& tokenText(int id) const { return idToToken_.at(static_cast<size_t>(id)); }

    // Writes vocab.json and merges.txt (the GPT-2 file forms) into `dir`, added_tokens.json when tokens
    // were added beyond the trained vocabulary, and tokenizer_config.json (added_tokens_decoder,
    // add_prefix_space) when an added token or the pre-tokenizer differs from the defaults. Other tokenizer
    // files already there (tokenizer.json, special_tokens_map.json, …) are removed: they would be read too.
    // A tokenizer.json those forms cannot express (another pre-tokenizer, a normalizer, a post-processor,
    // ignore_merges) is copied instead, with the tokenizer_config.json and special_tokens_map.json beside it.
    void save(const std::string& dir) const;
    const std::vector<std::pair<std::string, std::string>>& merges() const { return merges_; }

private:
    void encodePiece(std::string_view piece, std::vector<int>& out) const;
    void encodeOrdinary(std::string_view text, std::vector<int>& out) const;
    void saveGpt2Form(const std::string& dir) const;

    std::unordered_map<std::string, int> vocab_;
    std::vector<std::string> idToToken_;
    std::vector<std::pair<std::string, std::string>> merges_;
    std::unordered_map<std::string, int> mergeRank_;  // "left right" -> rank
    std::unique_ptr<AddedTokenMatcher> addedTokens_;
    std::vector<std::string> addedBeyondVocab_;
    std::unique_ptr<PreTokenizer> preTokenizer_;
    bool addPrefixSpace_ = false;  // tokenizer.json's pre_tokenizer.add_prefix_space (tokenizer_config.json's beside vocab.json)
    bool ignoreMerges_ = false;    // a pre-token in the vocabulary is that token
    bool nfc_ = false;             // the text between added tokens is put in NFC first
    std::vector<int> idsBefore_, idsAfter_;  // encodeWithSpecialTokens' additions
    std::string tokenizerJsonToCopy_;        // save() copies it: the GPT-2 forms cannot say what it says
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<int>> cache_;  // pre-token -> ids
};

// The GPT-2 bytes<->unicode table: byte b is written as code point byteToCodePoint()[b] in vocab entries.
const std::vector<char32_t>& byteToCodePoint();

}  // namespace rlhf::text
