#pragma once
// A model's tokenizer, whichever algorithm its files use: ByteLevelBpe (tokenizer.json or vocab.json +
// merges.txt: GPT-2, the workbench's own models, Llama-3, Qwen2, SmolLM) or SentencePieceTokenizer
// (tokenizer.model: Llama-2, TinyLlama, Mistral). Everything that encodes or decodes for a model takes
// this; only training a tokenizer (BpeTrainer) is byte-level BPE's alone. Thread-safe after construction.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "text/ByteLevelBpe.h"
#include "text/SentencePieceTokenizer.h"

namespace rlhf::text {

class Tokenizer {
public:
    Tokenizer(ByteLevelBpe bpe) : impl_(std::move(bpe)) {}  // NOLINT: implicit, a BPE is a tokenizer
    Tokenizer(SentencePieceTokenizer sentencePiece) : impl_(std::move(sentencePiece)) {}  // NOLINT: likewise

    // A model directory: tokenizer.model when the directory has one and its tokenizer.json (if any) is the
    // SentencePiece model converted (byte fallback, Metaspace, a Prepend normalizer); else tokenizer.json;
    // else vocab.json + merges.txt. Throws TokenizerError naming the file and problem.
    static Tokenizer fromDirectory(const std::string& dir);
    // Whether `dir` has the files fromDirectory reads: tokenizer.json, tokenizer.model, or vocab.json and merges.txt.
    static bool existsIn(const std::string& dir);

    std::vector<int> encode(std::string_view utf8) const;
    // The ids of `utf8` where it continues a text already encoded (a response after its prompt): as
    // encode, except that a SentencePiece tokenizer puts no "▁" of its own before it, so the ids are those
    // the whole text would have (" world" after "Hello" is "▁world", not "▁▁world").
    std::vector<int> encodeContinuation(std::string_view utf8) const;
    std::vector<int> encodeWithSpecialTokens(std::string_view utf8) const;
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false) const;
    // As decode, invalid UTF-8 replaced by U+FFFD: for display while streaming.
    std::string decodeLossy(const std::vector<int>& ids, bool skipSpecialTokens = false) const;
    // The bytes token `id` adds where it stands inside a text: decode({id}), except that a SentencePiece
    // token keeps the space its "▁" stands for, which decode drops at a text's start.
    std::string tokenBytes(int id, bool skipSpecialTokens = false) const;
    int vocabSize() const;
    int tokenId(const std::string& token) const;  // -1 when absent
    int endOfTextId() const { return tokenId(ByteLevelBpe::kEndOfText); }
    // Writes the tokenizer's files into `dir` (see ByteLevelBpe::save, SentencePieceTokenizer::save).
    void save(const std::string& dir) const;

    const ByteLevelBpe* byteLevelBpe() const { return std::get_if<ByteLevelBpe>(&impl_); }
    const SentencePieceTokenizer* sentencePiece() const { return std::get_if<SentencePieceTokenizer>(&impl_); }
    std::string kind() const;  // "byte-level BPE" or "SentencePiece", for messages

private:
    std::variant<ByteLevelBpe, SentencePieceTokenizer> impl_;
};

}  // namespace rlhf::text
