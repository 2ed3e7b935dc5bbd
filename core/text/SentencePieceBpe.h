#pragma once
// SentencePiece's BPE model, encoding as libsentencepiece does (bpe_model.cc and normalizer.cc of
// sentencepiece 0.1.x), for models with the identity normalization: Llama-2, TinyLlama, Mistral.
//   normalize: nothing for an empty text; with remove_extra_whitespaces, leading, trailing and repeated
//     spaces dropped; the dummy prefix "▁" first (last with treat_whitespace_as_suffix) when asked; every
//     space written as "▁" (escape_whitespaces);
//   split: user-defined pieces (longest match) stay whole and never merge; everything else starts as one
//     character per symbol;
//   merge: repeatedly the adjacent pair whose concatenation is a piece of the highest score (the leftmost
//     among equal scores); an unused piece made so is split back into the pair it came from;
//   ids: a symbol that is no piece is <unk> (one for a run of them), or with byte_fallback its bytes as
//     <0xNN> pieces.
// A model with a normalization table (nmt_nfkc …) or of another type (Unigram, word, char) is refused.
// Thread-safe after construction.

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/SentencePieceModelProto.h"

namespace rlhf::text {

inline constexpr std::string_view kSentencePieceSpace = "\xE2\x96\x81";  // ▁, SentencePiece's space

class SentencePieceBpe {
public:
    using PieceType = SentencePieceModelProto::PieceType;

    // Throws TokenizerError naming `origin` and what it cannot do.
    SentencePieceBpe(SentencePieceModelProto model, const std::string& origin);

    // `utf8` must be valid UTF-8. dummyPrefix: the model's add_dummy_prefix for this text (false where the
    // caller knows better, as transformers' non-legacy Llama tokenizer after a special token).
    std::vector<int> encode(std::string_view utf8, bool dummyPrefix) const;

    int pieceCount() const { return static_cast<int>(model_.pieces.size()); }
    const std::string& piece(int id) const { return model_.pieces.at(static_cast<size_t>(id)).text; }
    PieceType type(int id) const { return model_.pieces.at(static_cast<size_t>(id)).type; }
    bool addsDummyPrefix() const { return model_.addDummyPrefix; }
    int byteOf(int id) const { return pieceBytes_.at(static_cast<size_t>(id)); }  // a BYTE piece's byte, else -1

private:
    std::string normalize(std::string_view text, bool dummyPrefix) const;
    size_t userDefinedAt(std::string_view text, size_t at) const;  // the longest user-defined piece there, 0 if none
    int pieceId(std::string_view piece) const;                     // <unk>'s id when it is no piece
    void resegment(std::string_view piece, const std::unordered_map<std::string, std::pair<std::string, std::string>>& unusedMerges,
                   std::vector<int>& out) const;

    // Looked up by string_view: the merge loop asks for every adjacent pair without building a string.
    struct ViewHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using PieceIds = std::unordered_map<std::string, int, ViewHash, std::equal_to<>>;

    SentencePieceModelProto model_;
    PieceIds mergeable_;  // normal, user-defined and unused pieces
    PieceIds reserved_;   // control, unknown and byte pieces
    std::vector<std::string> userDefined_;
    int unknownId_ = -1;
    std::array<int, 256> byteIds_{};
    std::vector<int> pieceBytes_;  // id -> the byte of a BYTE piece, -1 for the others
};

}  // namespace rlhf::text
