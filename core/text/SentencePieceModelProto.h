#pragma once
// A SentencePiece model file (tokenizer.model: a serialized ModelProto) read with a few lines of protobuf
// wire format instead of a protobuf library: Debian's libsentencepiece carries its own copy of protobuf,
// whose symbols clash with LibTorch's libprotobuf in one process (a crash while the libraries load). The
// fields read (sentencepiece_model.proto):
//   ModelProto      1 pieces (repeated SentencePiece), 2 trainer_spec, 3 normalizer_spec
//   SentencePiece   1 piece, 2 score (float), 3 type (NORMAL 1, UNKNOWN 2, CONTROL 3, USER_DEFINED 4,
//                   UNUSED 5, BYTE 6; NORMAL when absent)
//   TrainerSpec     3 model_type (UNIGRAM 1, BPE 2, WORD 3, CHAR 4; UNIGRAM when absent),
//                   24 treat_whitespace_as_suffix, 35 byte_fallback
//   NormalizerSpec  1 name, 2 precompiled_charsmap, 3 add_dummy_prefix, 4 remove_extra_whitespaces,
//                   5 escape_whitespaces (the last three true when absent)

#include <string>
#include <string_view>
#include <vector>

namespace rlhf::text {

struct SentencePieceModelProto {
    enum class PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };
    enum class ModelType { Unigram = 1, Bpe = 2, Word = 3, Char = 4 };
    struct Piece {
        std::string text;
        float score = 0;
        PieceType type = PieceType::Normal;
    };
    std::vector<Piece> pieces;  // in id order
    ModelType modelType = ModelType::Unigram;
    bool byteFallback = false;
    bool treatWhitespaceAsSuffix = false;
    std::string normalizerName;
    bool hasCharsMap = false;  // a precompiled normalization table (nmt_nfkc …), not the identity
    bool addDummyPrefix = true;
    bool removeExtraWhitespaces = true;
    bool escapeWhitespaces = true;
};

// Throws TokenizerError naming `origin` when the bytes are not such a message.
SentencePieceModelProto parseSentencePieceModel(std::string_view bytes, const std::string& origin);

}  // namespace rlhf::text
