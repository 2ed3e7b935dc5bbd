#include "text/Tokenizer.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "text/TokenizerFiles.h"
#include "text/Utf8.h"

namespace rlhf::text {

namespace fs = std::filesystem;

namespace {

// A tokenizer.json that is a SentencePiece model converted by transformers: byte fallback or a Unigram
// model, or the Metaspace / Prepend steps that put SentencePiece's "▁" before the text.
bool isConvertedSentencePiece(const nlohmann::json& j) {
    if (!j.is_object()) return false;
    if (j.contains("model") && j["model"].is_object()) {
        const auto& model = j["model"];
        if (model.contains("type") && model["type"] == "Unigram") return true;
        if (model.contains("byte_fallback") && model["byte_fallback"] == true) return true;
    }
    const std::string steps = (j.contains("normalizer") ? j["normalizer"].dump() : "") + (j.contains("pre_tokenizer") ? j["pre_tokenizer"].dump() : "");
    return steps.find("\"Metaspace\"") != std::string::npos || steps.find("\"Prepend\"") != std::string::npos;
}

}  // namespace

Tokenizer Tokenizer::fromDirectory(const std::string& dir) {
    const fs::path json = fs::path(dir) / "tokenizer.json";
    if (fs::exists(fs::path(dir) / "tokenizer.model") &&
        (!fs::exists(json) || isConvertedSentencePiece(parseJsonFile(json.string()))))
        return SentencePieceTokenizer::fromDirectory(dir);
    if (fs::exists(json)) {
        try {
            return ByteLevelBpe::fromTokenizerJson(json.string());
        } catch (const TokenizerError& e) {
            if (!isConvertedSentencePiece(parseJsonFile(json.string()))) throw;
            throw TokenizerError(std::string(e.what()) +
                                 ". It is a SentencePiece model converted to tokenizer.json: the workbench reads such a "
                                 "tokenizer from the tokenizer.model it was converted from, which " + dir + " lacks");
        }
    }
    return ByteLevelBpe::fromDirectory(dir);
}

bool Tokenizer::existsIn(const std::string& dir) {
    const auto has = [&dir](const char* name) { return fs::exists(fs::path(dir) / name); };
    return has("tokenizer.json") || has("tokenizer.model") || (has("vocab.json") && has("merges.txt"));
}

std::vector<int> Tokenizer::encode(std::string_view utf8) const {
    return std::visit([&](const auto& t) { return t.encode(utf8); }, impl_);
}

std::vector<int> Tokenizer::encodeContinuation(std::string_view utf8) const {
    if (const auto* sp = sentencePiece()) return sp->encode(utf8, /*continuation=*/true);
    return encode(utf8);
}

std::vector<int> Tokenizer::encodeWithSpecialTokens(std::string_view utf8) const {
    return std::visit([&](const auto& t) { return t.encodeWithSpecialTokens(utf8); }, impl_);
}

std::string Tokenizer::decode(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return std::visit([&](const auto& t) { return t.decode(ids, skipSpecialTokens); }, impl_);
}

std::string Tokenizer::decodeLossy(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return encodeUtf8(decodeUtf8(decode(ids, skipSpecialTokens)));
}

std::string Tokenizer::tokenBytes(int id, bool skipSpecialTokens) const {
    if (const auto* sp = sentencePiece()) return sp->decode({id}, skipSpecialTokens, /*atTextStart=*/false);
    return byteLevelBpe()->decode({id}, skipSpecialTokens);
}

int Tokenizer::vocabSize() const {
    return std::visit([](const auto& t) { return t.vocabSize(); }, impl_);
}

int Tokenizer::tokenId(const std::string& token) const {
    return std::visit([&](const auto& t) { return t.tokenId(token); }, impl_);
}

void Tokenizer::save(const std::string& dir) const {
    std::visit([&](const auto& t) { t.save(dir); }, impl_);
}

std::string Tokenizer::kind() const {
    return byteLevelBpe() ? "byte-level BPE" : "SentencePiece";
}

}  // namespace rlhf::text
