#include "text/SentencePieceModelProto.h"

#include <cstdint>
#include <cstring>
#include <functional>

#include "text/ByteLevelBpe.h"
#include "text/TokenizerFiles.h"

namespace rlhf::text {

namespace {

enum WireType { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

struct Field {
    int number;
    int wireType;
    uint64_t varint;         // the value of a varint field
    std::string_view bytes;  // a length-delimited or fixed field's bytes
};

uint64_t readVarint(std::string_view data, size_t& at, const std::string& origin) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (at >= data.size()) throw TokenizerError(origin + ": not a SentencePiece model (a truncated field)");
        const auto byte = static_cast<unsigned char>(data[at++]);
        value |= static_cast<uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return value;
    }
    throw TokenizerError(origin + ": not a SentencePiece model (a varint longer than 10 bytes)");
}

// Calls onField for each top-level field of a message, in order.
void forEachField(std::string_view message, const std::string& origin, const std::function<void(const Field&)>& onField) {
    size_t at = 0;
    while (at < message.size()) {
        const uint64_t tag = readVarint(message, at, origin);
        Field f{static_cast<int>(tag >> 3), static_cast<int>(tag & 7), 0, {}};
        size_t length = 0;
        switch (f.wireType) {
            case kVarint: f.varint = readVarint(message, at, origin); break;
            case kFixed64: length = 8; break;
            case kFixed32: length = 4; break;
            case kLengthDelimited: length = readVarint(message, at, origin); break;
            default: throw TokenizerError(origin + ": not a SentencePiece model (wire type " + std::to_string(f.wireType) + ")");
        }
        if (length > message.size() - at) throw TokenizerError(origin + ": not a SentencePiece model (a field runs past the end)");
        f.bytes = message.substr(at, length);
        at += length;
        onField(f);
    }
}

SentencePieceModelProto::Piece readPiece(std::string_view message, const std::string& origin) {
    SentencePieceModelProto::Piece piece;
    forEachField(message, origin, [&](const Field& f) {
        if (f.number == 1 && f.wireType == kLengthDelimited) piece.text = std::string(f.bytes);
        if (f.number == 2 && f.wireType == kFixed32) std::memcpy(&piece.score, f.bytes.data(), sizeof piece.score);
        if (f.number == 3 && f.wireType == kVarint) {
            if (f.varint < 1 || f.varint > 6)
                throw TokenizerError(origin + ": piece " + jsonQuoted(piece.text) + " has an unknown type " + std::to_string(f.varint));
            piece.type = static_cast<SentencePieceModelProto::PieceType>(f.varint);
        }
    });
    return piece;
}

void readTrainerSpec(std::string_view message, const std::string& origin, SentencePieceModelProto& model) {
    forEachField(message, origin, [&](const Field& f) {
        if (f.wireType != kVarint) return;
        if (f.number == 3) model.modelType = static_cast<SentencePieceModelProto::ModelType>(f.varint);
        if (f.number == 24) model.treatWhitespaceAsSuffix = f.varint != 0;
        if (f.number == 35) model.byteFallback = f.varint != 0;
    });
}

void readNormalizerSpec(std::string_view message, const std::string& origin, SentencePieceModelProto& model) {
    forEachField(message, origin, [&](const Field& f) {
        if (f.number == 1 && f.wireType == kLengthDelimited) model.normalizerName = std::string(f.bytes);
        if (f.number == 2 && f.wireType == kLengthDelimited) model.hasCharsMap = !f.bytes.empty();
        if (f.wireType != kVarint) return;
        if (f.number == 3) model.addDummyPrefix = f.varint != 0;
        if (f.number == 4) model.removeExtraWhitespaces = f.varint != 0;
        if (f.number == 5) model.escapeWhitespaces = f.varint != 0;
    });
}

}  // namespace

SentencePieceModelProto parseSentencePieceModel(std::string_view bytes, const std::string& origin) {
    SentencePieceModelProto model;
    forEachField(bytes, origin, [&](const Field& f) {
        if (f.wireType != kLengthDelimited) return;
        if (f.number == 1) model.pieces.push_back(readPiece(f.bytes, origin));
        if (f.number == 2) readTrainerSpec(f.bytes, origin, model);
        if (f.number == 3) readNormalizerSpec(f.bytes, origin, model);
    });
    if (model.pieces.empty()) throw TokenizerError(origin + ": not a SentencePiece model (no pieces)");
    return model;
}

}  // namespace rlhf::text
