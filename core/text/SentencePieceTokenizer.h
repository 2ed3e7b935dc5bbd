#pragma once
// A SentencePiece model (tokenizer.model: Llama-2, TinyLlama, Mistral-style checkpoints; its BPE encoding
// in SentencePieceBpe, as libsentencepiece does it) the way transformers' Llama tokenizer runs it:
//   - added tokens (<unk>, <s>, </s>, and those tokenizer.json, added_tokens.json or tokenizer_config.json's
//     added_tokens_decoder list, with their flags) cut the text first, as in ByteLevelBpe (AddedTokenMatcher);
//   - each stretch between them is encoded by the model. The "▁" SentencePiece puts before a text
//     (add_dummy_prefix) goes before every stretch (tokenizer.json's Prepend normalizer, the "legacy" form
//     of Llama-2's and TinyLlama's files; tokenizer_config.json without `legacy: false`) or only before a
//     stretch that starts the text and does not start with a space or "▁" (tokenizer.json's Metaspace with
//     prepend_scheme "first", or `legacy: false` without a tokenizer.json, as transformers' converter
//     makes it), never when the model or add_prefix_space turn it off;
//   - encodeWithSpecialTokens puts bos_token before the text (add_bos_token, default true) and eos_token
//     after it (add_eos_token, default false), as LlamaTokenizerFast's post-processor does;
//   - decode: byte pieces <0xNN> become their bytes, "▁" a space, added and control tokens their text
//     (left out with skipSpecialTokens when special), and the one space the prefix put first is dropped
//     (the Strip decoder).
// Thread-safe after construction.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/AddedTokenMatcher.h"

namespace rlhf::text {

class SentencePieceBpe;
struct SideFile;

class SentencePieceTokenizer {
public:
    // Where the dummy prefix goes: see above. Metaspace's forms (the Unspaced ones) skip a stretch that
    // already starts with a space or "▁".
    enum class Prefix { EveryStretch, EveryUnspacedStretch, FirstUnspacedStretch, None };

    // `dir` holds tokenizer.model (and the side files above, when present). Throws TokenizerError naming
    // the file and the problem.
    static SentencePieceTokenizer fromDirectory(const std::string& dir);
    SentencePieceTokenizer(SentencePieceTokenizer&&) noexcept;
    SentencePieceTokenizer& operator=(SentencePieceTokenizer&&) noexcept;
    ~SentencePieceTokenizer();

    // Throws std::invalid_argument for invalid UTF-8 (naming the byte offset). continuation: the text
    // continues one already encoded, so its first stretch gets no prefix (Tokenizer::encodeContinuation).
    std::vector<int> encode(std::string_view utf8, bool continuation = false) const;
    std::vector<int> encodeWithSpecialTokens(std::string_view utf8) const;
    // atTextStart: the ids begin a text, so the space the prefix put first is dropped; false for a token
    // shown where it stands inside a text (a chat reply's streamed pieces).
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false, bool atTextStart = true) const;

    int vocabSize() const { return static_cast<int>(idToToken_.size()); }
    int tokenId(const std::string& token) const;  // -1 when absent
    Prefix prefix() const { return prefix_; }

    // Writes the files it was read from (tokenizer.model and the side files, kept in memory: the source
    // directory may be gone by then) into `dir`, removing the other form's files there (vocab.json,
    // merges.txt), which would be read instead.
    void save(const std::string& dir) const;

private:
    SentencePieceTokenizer();
    void loadVocabulary(const std::string& dir, const SideFile& config, const SideFile& tokenizerJson);
    void loadSpecialIds(const SideFile& config, const std::string& modelPath);

    std::unique_ptr<SentencePieceBpe> bpe_;
    std::vector<std::pair<std::string, std::string>> files_;  // file name -> its bytes, as read
    std::unordered_map<std::string, int> vocab_;
    std::vector<std::string> idToToken_;
    std::unique_ptr<AddedTokenMatcher> addedTokens_;
    Prefix prefix_ = Prefix::EveryStretch;
    std::vector<int> idsBefore_, idsAfter_;
};

}  // namespace rlhf::text
