#include "text/SentencePieceTokenizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/ByteLevelBpe.h"
#include "text/SentencePieceBpe.h"
#include "text/TokenizerFiles.h"
#include "text/Utf8.h"

namespace rlhf::text {

namespace fs = std::filesystem;

namespace {

const char* const kModelFile = "tokenizer.model";
const char* const kSideFiles[] = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json"};

using Prefix = SentencePieceTokenizer::Prefix;
using Type = SentencePieceModelProto::PieceType;

// tokenizer.json's word on the prefix: a Metaspace pre-tokenizer's prepend_scheme (or its older
// add_prefix_space), else a Prepend normalizer (the legacy form), else none.
Prefix prefixFromTokenizerJson(const nlohmann::json& j) {
    std::vector<nlohmann::json> steps;
    for (const char* key : {"pre_tokenizer", "normalizer"}) {
        if (!j.contains(key) || !j[key].is_object()) continue;
        const auto& step = j[key];
        if (step.value("type", "") == "Sequence") {
            for (const char* list : {"pretokenizers", "normalizers"})
                if (step.contains(list) && step[list].is_array())
                    for (const auto& s : step[list]) steps.push_back(s);
        } else {
            steps.push_back(step);
        }
    }
    for (const auto& step : steps) {
        if (!step.is_object() || step.value("type", "") != "Metaspace") continue;
        if (step.contains("prepend_scheme") && step["prepend_scheme"].is_string()) {
            const std::string scheme = step["prepend_scheme"].get<std::string>();
            return scheme == "first" ? Prefix::FirstUnspacedStretch : scheme == "never" ? Prefix::None : Prefix::EveryUnspacedStretch;
        }
        const bool add = !step.contains("add_prefix_space") || step["add_prefix_space"] != false;  // the older form
        return add ? Prefix::EveryUnspacedStretch : Prefix::None;
    }
    for (const auto& step : steps)
        if (step.is_object() && step.value("type", "") == "Prepend") return Prefix::EveryStretch;
    return Prefix::None;
}

bool configFlag(const SideFile& config, const char* key, bool otherwise) {
    const auto& j = config.json;
    if (j.is_null() || !j.contains(key) || j[key].is_null()) return otherwise;
    if (!j[key].is_boolean()) throw TokenizerError(config.path + ": " + key + " must be true or false");
    return j[key].get<bool>();
}

// Without a tokenizer.json, transformers converts tokenizer.model by tokenizer_config.json's flags.
Prefix prefixFromConfig(const SideFile& config) {
    if (!configFlag(config, "add_prefix_space", true)) return Prefix::None;
    return configFlag(config, "legacy", true) ? Prefix::EveryStretch : Prefix::FirstUnspacedStretch;
}

// tokenizer_config.json's bos_token / eos_token: a string or {"content": ...}; `otherwise` when absent.
std::string namedToken(const SideFile& config, const char* key, const char* otherwise) {
    const auto& j = config.json;
    if (j.is_null() || !j.contains(key) || j[key].is_null()) return otherwise;
    if (j[key].is_string()) return j[key].get<std::string>();
    if (j[key].is_object() && j[key].contains("content") && j[key]["content"].is_string())
        return j[key]["content"].get<std::string>();
    throw TokenizerError(config.path + ": " + key + " must be a token (a string or {\"content\": ...})");
}

}  // namespace

SentencePieceTokenizer::SentencePieceTokenizer() = default;
SentencePieceTokenizer::SentencePieceTokenizer(SentencePieceTokenizer&&) noexcept = default;
SentencePieceTokenizer& SentencePieceTokenizer::operator=(SentencePieceTokenizer&&) noexcept = default;
SentencePieceTokenizer::~SentencePieceTokenizer() = default;

SentencePieceTokenizer SentencePieceTokenizer::fromDirectory(const std::string& dir) {
    SentencePieceTokenizer t;
    const std::string modelPath = (fs::path(dir) / kModelFile).string();
    t.files_.emplace_back(kModelFile, readFile(modelPath));
    for (const char* name : kSideFiles)
        if (fs::exists(fs::path(dir) / name)) t.files_.emplace_back(name, readFile((fs::path(dir) / name).string()));
    t.bpe_ = std::make_unique<SentencePieceBpe>(parseSentencePieceModel(t.files_.front().second, modelPath), modelPath);
    const SideFile config = sideFile(dir, "tokenizer_config.json");
    const SideFile tokenizerJson = sideFile(dir, "tokenizer.json");
    t.prefix_ = !t.bpe_->addsDummyPrefix()      ? Prefix::None
                : tokenizerJson.json.is_null()  ? prefixFromConfig(config)
                                                : prefixFromTokenizerJson(tokenizerJson.json);
    t.loadVocabulary(dir, config, tokenizerJson);
    t.loadSpecialIds(config, modelPath);
    return t;
}

// The model's pieces and the added tokens beyond them. The model's control and unknown pieces (<s>, </s>,
// <unk>) are special tokens even where no file names them: transformers' Llama tokenizer has them as its
// defaults.
void SentencePieceTokenizer::loadVocabulary(const std::string& dir, const SideFile& config, const SideFile& tokenizerJson) {
    for (int id = 0; id < bpe_->pieceCount(); ++id) vocab_.emplace(bpe_->piece(id), id);
    const AddedTokens added = tokenizerJson.json.is_null() ? addedTokensFromFiles(dir, config)
                                                           : addedTokensFromTokenizerJson(tokenizerJson.json, tokenizerJson.path);
    mergeAddedTokens(vocab_, added);
    std::vector<std::string> named = namedSpecialTokens(dir, config);
    for (int id = 0; id < bpe_->pieceCount(); ++id)
        if (bpe_->type(id) == Type::Control || bpe_->type(id) == Type::Unknown) named.push_back(bpe_->piece(id));
    auto specials = specialsWith(added, named, vocab_);
    std::erase_if(specials, [&](const AddedToken& s) { return !vocab_.count(s.content); });
    addedTokens_ = std::make_unique<AddedTokenMatcher>(std::move(specials));
    int maxId = -1;
    for (const auto& [token, id] : vocab_) maxId = std::max(maxId, id);
    idToToken_.assign(static_cast<size_t>(maxId + 1), std::string());
    for (const auto& [token, id] : vocab_) idToToken_[static_cast<size_t>(id)] = token;
}

void SentencePieceTokenizer::loadSpecialIds(const SideFile& config, const std::string& modelPath) {
    const std::string bos = namedToken(config, "bos_token", "<s>"), eos = namedToken(config, "eos_token", "</s>");
    for (auto [ids, token, key, otherwise] : {std::tuple{&idsBefore_, bos, "add_bos_token", true},
                                               std::tuple{&idsAfter_, eos, "add_eos_token", false}}) {
        if (!configFlag(config, key, otherwise)) continue;
        const int id = tokenId(token);
        if (id < 0) throw TokenizerError(config.path + ": " + key + " asks for " + jsonQuoted(token) + ", which " + modelPath + " lacks");
        ids->push_back(id);
    }
}

std::string SentencePieceTokenizer::decode(const std::vector<int>& ids, bool skipSpecialTokens, bool atTextStart) const {
    std::string out;
    for (int id : ids) {
        if (id < 0 || id >= vocabSize() || idToToken_[static_cast<size_t>(id)].empty()) continue;
        const std::string& piece = idToToken_[static_cast<size_t>(id)];
        if (const AddedToken* added = addedTokens_->find(piece)) {  // <s>, </s>, <unk> and the tokens added
            if (!(skipSpecialTokens && added->special)) out += piece;
        } else if (const int byte = id < bpe_->pieceCount() ? bpe_->byteOf(id) : -1; byte >= 0) {
            out.push_back(static_cast<char>(byte));
        } else {
            for (size_t at = 0; at < piece.size();) {
                if (piece.compare(at, kSentencePieceSpace.size(), kSentencePieceSpace) == 0) {
                    out.push_back(' ');
                    at += kSentencePieceSpace.size();
                } else {
                    out.push_back(piece[at++]);
                }
            }
        }
    }
    if (atTextStart && prefix_ != Prefix::None && !out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

std::vector<int> SentencePieceTokenizer::encode(std::string_view utf8, bool continuation) const {
    if (const size_t bad = firstInvalidUtf8(utf8); bad != std::string_view::npos)
        throw std::invalid_argument("invalid UTF-8 at byte " + std::to_string(bad));
    std::vector<int> ids;
    bool first = true;  // no piece of the text seen yet
    addedTokens_->split(
        utf8,
        [&](std::string_view text) {
            const bool spaced = text.starts_with(' ') || text.starts_with(kSentencePieceSpace);
            const bool own = !(first && continuation);  // a continued text's first stretch has its prefix already
            bool prefixed = false;
            switch (prefix_) {
                case Prefix::EveryStretch: prefixed = own; break;
                case Prefix::EveryUnspacedStretch: prefixed = own && !spaced; break;
                case Prefix::FirstUnspacedStretch: prefixed = own && first && !spaced; break;
                case Prefix::None: break;
            }
            const std::vector<int> stretch = bpe_->encode(text, prefixed);
            ids.insert(ids.end(), stretch.begin(), stretch.end());
            first = false;
        },
        [&](const AddedToken& token) {
            ids.push_back(vocab_.at(token.content));
            first = false;
        });
    return ids;
}

std::vector<int> SentencePieceTokenizer::encodeWithSpecialTokens(std::string_view utf8) const {
    std::vector<int> ids = idsBefore_;
    const std::vector<int> text = encode(utf8);
    ids.insert(ids.end(), text.begin(), text.end());
    ids.insert(ids.end(), idsAfter_.begin(), idsAfter_.end());
    return ids;
}

int SentencePieceTokenizer::tokenId(const std::string& token) const {
    auto it = vocab_.find(token);
    return it == vocab_.end() ? -1 : it->second;
}

void SentencePieceTokenizer::save(const std::string& dir) const {
    const fs::path to = dir;
    for (const char* stale : {"vocab.json", "merges.txt"}) fs::remove(to / stale);
    for (const char* stale : kSideFiles) fs::remove(to / stale);
    for (const auto& [name, bytes] : files_) {
        std::ofstream out(to / name, std::ios::binary | std::ios::trunc);
        out << bytes;
        if (!out.flush()) throw TokenizerError((to / name).string() + ": cannot write");
    }
}

}  // namespace rlhf::text
