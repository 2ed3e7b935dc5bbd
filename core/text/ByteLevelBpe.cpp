#include "text/ByteLevelBpe.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/TokenizerFiles.h"
#include "text/TokenizerJsonOptions.h"
#include "text/UnicodeNormalization.h"
#include "text/Utf8.h"

namespace rlhf::text {

const std::vector<char32_t>& byteToCodePoint() {
    static const std::vector<char32_t> table = [] {
        std::vector<char32_t> t(256, 0);
        std::vector<bool> printable(256, false);
        for (int b = '!'; b <= '~'; ++b) printable[b] = true;
        for (int b = 0xA1; b <= 0xAC; ++b) printable[b] = true;
        for (int b = 0xAE; b <= 0xFF; ++b) printable[b] = true;
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) t[b] = printable[b] ? static_cast<char32_t>(b) : next++;
        return t;
    }();
    return table;
}

ByteLevelBpe::ByteLevelBpe(std::unordered_map<std::string, int> vocab,
                           std::vector<std::pair<std::string, std::string>> merges,
                           std::vector<AddedToken> addedTokens, const std::string& origin,
                           std::vector<std::string> addedBeyondVocab,
                           const std::function<std::string(size_t)>& mergeWhere)
    : vocab_(std::move(vocab)), merges_(std::move(merges)), addedBeyondVocab_(std::move(addedBeyondVocab)),
      preTokenizer_(std::make_unique<PreTokenizer>(PreTokenizer::gpt2())) {
    int maxId = -1;
    for (const auto& [token, id] : vocab_) maxId = std::max(maxId, id);
    // Ids index a dense table (and the model's embedding rows): an id far beyond any real vocabulary is a
    // broken file, refused before it costs gigabytes.
    constexpr int kMaxIds = 1 << 24;
    if (maxId >= kMaxIds)
        throw TokenizerError(origin + ": token id " + std::to_string(maxId) + " is beyond the " + std::to_string(kMaxIds) +
                             " ids a vocabulary may have");
    idToToken_.assign(static_cast<size_t>(maxId + 1), std::string());
    for (const auto& [token, id] : vocab_) {
        if (!idToToken_[static_cast<size_t>(id)].empty())
            throw TokenizerError(origin + ": id " + std::to_string(id) + " is used by two tokens");
        idToToken_[static_cast<size_t>(id)] = token;
    }
    for (int b = 0; b < 256; ++b) {
        std::string symbol;
        appendUtf8(symbol, byteToCodePoint()[static_cast<size_t>(b)]);
        if (!vocab_.count(symbol))
            throw TokenizerError(origin + ": the vocabulary lacks the byte token for byte " + std::to_string(b));
    }
    for (size_t rank = 0; rank < merges_.size(); ++rank) {
        const auto& [left, right] = merges_[rank];
        if (!vocab_.count(left) || !vocab_.count(right) || !vocab_.count(left + right))
            throw TokenizerError((mergeWhere ? mergeWhere(rank) : origin + ": merge " + std::to_string(rank + 1)) +
                                 ": the merge " + jsonQuoted(left + " " + right) +
                                 " uses or makes a token missing from the vocabulary");
        mergeRank_.emplace(left + " " + right, static_cast<int>(rank));
    }
    std::erase_if(addedTokens, [this](const AddedToken& t) { return !vocab_.count(t.content); });
    addedTokens_ = std::make_unique<AddedTokenMatcher>(std::move(addedTokens));
}

ByteLevelBpe::ByteLevelBpe(ByteLevelBpe&& other) noexcept
    : vocab_(std::move(other.vocab_)), idToToken_(std::move(other.idToToken_)), merges_(std::move(other.merges_)),
      mergeRank_(std::move(other.mergeRank_)), addedTokens_(std::move(other.addedTokens_)),
      addedBeyondVocab_(std::move(other.addedBeyondVocab_)), preTokenizer_(std::move(other.preTokenizer_)),
      addPrefixSpace_(other.addPrefixSpace_), ignoreMerges_(other.ignoreMerges_), nfc_(other.nfc_),
      idsBefore_(std::move(other.idsBefore_)), idsAfter_(std::move(other.idsAfter_)),
      tokenizerJsonToCopy_(std::move(other.tokenizerJsonToCopy_)), cache_(std::move(other.cache_)) {}

ByteLevelBpe& ByteLevelBpe::operator=(ByteLevelBpe&& other) noexcept {
    vocab_ = std::move(other.vocab_);
    idToToken_ = std::move(other.idToToken_);
    merges_ = std::move(other.merges_);
    mergeRank_ = std::move(other.mergeRank_);
    addedTokens_ = std::move(other.addedTokens_);
    addedBeyondVocab_ = std::move(other.addedBeyondVocab_);
    preTokenizer_ = std::move(other.preTokenizer_);
    addPrefixSpace_ = other.addPrefixSpace_;
    ignoreMerges_ = other.ignoreMerges_;
    nfc_ = other.nfc_;
    idsBefore_ = std::move(other.idsBefore_);
    idsAfter_ = std::move(other.idsAfter_);
    tokenizerJsonToCopy_ = std::move(other.tokenizerJsonToCopy_);
    cache_ = std::move(other.cache_);
    return *this;
}

ByteLevelBpe::~ByteLevelBpe() = default;

ByteLevelBpe ByteLevelBpe::fromFiles(const std::string& vocabPath, const std::string& mergesPath) {
    auto vocab = vocabFromJson(parseJsonFile(vocabPath), vocabPath);
    std::istringstream lines(readFile(mergesPath));
    std::vector<std::pair<std::string, std::string>> merges;
    std::vector<int> mergeLines;  // the line of merges.txt each merge is on
    std::string line;
    for (int lineNo = 1; std::getline(lines, line); ++lineNo) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || (lineNo == 1 && line.rfind("#version", 0) == 0)) continue;
        merges.push_back(splitMerge(line, mergesPath + ":" + std::to_string(lineNo)));
        mergeLines.push_back(lineNo);
    }
    const auto dir = std::filesystem::path(vocabPath).parent_path();
    const SideFile config = sideFile(dir, "tokenizer_config.json");
    const AddedTokens added = addedTokensFromFiles(dir, config);
    auto beyond = mergeAddedTokens(vocab, added);
    auto specials = specialsWith(added, namedSpecialTokens(dir, config), vocab);
    ByteLevelBpe bpe(std::move(vocab), std::move(merges), std::move(specials), vocabPath + " + " + mergesPath,
                     std::move(beyond), [&](size_t rank) { return mergesPath + ":" + std::to_string(mergeLines[rank]); });
    bpe.addPrefixSpace_ = addPrefixSpaceFromConfig(config);
    return bpe;
}

ByteLevelBpe ByteLevelBpe::fromTokenizerJson(const std::string& path) {
    const nlohmann::json j = parseJsonFile(path);
    if (!j.is_object() || !j.contains("model") || !j["model"].contains("vocab") || !j["model"].contains("merges"))
        throw TokenizerError(path + ": missing model.vocab or model.merges");
    TokenizerJsonOptions options = tokenizerJsonOptions(j, path);
    auto vocab = vocabFromJson(j["model"]["vocab"], path + " (model.vocab)");
    std::vector<std::pair<std::string, std::string>> merges;
    for (size_t i = 0; i < j["model"]["merges"].size(); ++i) {
        const auto& m = j["model"]["merges"][i];
        const std::string where = path + ": model.merges[" + std::to_string(i) + "]";
        if (m.is_string()) merges.push_back(splitMerge(m.get<std::string>(), where));
        else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string())
            merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
        else throw TokenizerError(where + ": expected \"a b\" or [\"a\", \"b\"]");
    }
    const AddedTokens added = addedTokensFromTokenizerJson(j, path);
    auto beyond = mergeAddedTokens(vocab, added);
    const auto dir = std::filesystem::path(path).parent_path();
    auto specials = specialsWith(added, namedSpecialTokens(dir, sideFile(dir, "tokenizer_config.json")), vocab);
    ByteLevelBpe bpe(std::move(vocab), std::move(merges), std::move(specials), path, std::move(beyond),
                     [&](size_t rank) { return path + ": model.merges[" + std::to_string(rank) + "]"; });
    bpe.addPrefixSpace_ = options.addPrefixSpace;
    bpe.ignoreMerges_ = options.ignoreMerges;
    bpe.nfc_ = options.nfc;
    for (const auto* ids : {&options.idsBefore, &options.idsAfter})
        for (int id : *ids)
            if (id < 0 || id >= bpe.vocabSize() || bpe.idToToken_[static_cast<size_t>(id)].empty())
                throw TokenizerError(path + ": post_processor: special token id " + std::to_string(id) + " is not in the vocabulary");
    bpe.idsBefore_ = std::move(options.idsBefore);
    bpe.idsAfter_ = std::move(options.idsAfter);
    bpe.preTokenizer_ = std::make_unique<PreTokenizer>(std::move(options.preTokenizer));
    if (!options.gpt2PreTokenizer || bpe.ignoreMerges_ || bpe.nfc_ || !bpe.idsBefore_.empty() || !bpe.idsAfter_.empty())
        bpe.tokenizerJsonToCopy_ = path;
    return bpe;
}

ByteLevelBpe ByteLevelBpe::fromDirectory(const std::string& dir) {
    namespace fs = std::filesystem;
    if (fs::exists(fs::path(dir) / "tokenizer.json")) return fromTokenizerJson((fs::path(dir) / "tokenizer.json").string());
    return fromFiles((fs::path(dir) / "vocab.json").string(), (fs::path(dir) / "merges.txt").string());
}

int ByteLevelBpe::tokenId(const std::string& token) const {
    auto it = vocab_.find(token);
    return it == vocab_.end() ? -1 : it->second;
}

std::vector<int> ByteLevelBpe::encode(std::string_view utf8) const {
    if (const size_t bad = firstInvalidUtf8(utf8); bad != std::string_view::npos)
        throw std::invalid_argument("invalid UTF-8 at byte " + std::to_string(bad));
    std::vector<int> ids;
    addedTokens_->split(
        utf8,
        [&](std::string_view text) {
            // add_prefix_space: each stretch between added tokens, as Hugging Face's ByteLevel does it.
            if (addPrefixSpace_ && text.front() != ' ') encodeOrdinary(" " + std::string(text), ids);
            else encodeOrdinary(text, ids);
        },
        [&](const AddedToken& token) { ids.push_back(vocab_.at(token.content)); },
        nfc_ ? std::function<std::string(std::string_view)>(toNfc) : nullptr);
    return ids;
}

std::vector<int> ByteLevelBpe::encodeWithSpecialTokens(std::string_view utf8) const {
    std::vector<int> ids = idsBefore_;
    const std::vector<int> text = encode(utf8);
    ids.insert(ids.end(), text.begin(), text.end());
    ids.insert(ids.end(), idsAfter_.begin(), idsAfter_.end());
    return ids;
}

void ByteLevelBpe::encodeOrdinary(std::string_view text, std::vector<int>& out) const {
    preTokenizer_->split(text, [&](std::string_view piece) { encodePiece(piece, out); });
}

// BPE on one pre-token: start from byte symbols, repeatedly merge the pair of lowest rank.
void ByteLevelBpe::encodePiece(std::string_view piece, std::vector<int>& out) const {
    const std::string key(piece);
    {
        std::lock_guard lock(cacheMutex_);
        if (auto it = cache_.find(key); it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<std::string> symbols;
    for (unsigned char b : piece) {
        std::string s;
        appendUtf8(s, byteToCodePoint()[b]);
        symbols.push_back(std::move(s));
    }
    if (ignoreMerges_) {
        std::string whole;
        for (const auto& symbol : symbols) whole += symbol;
        if (vocab_.count(whole) && !addedTokens_->contains(whole)) symbols = {whole};  // the BPE model's vocabulary only
    }
    while (symbols.size() > 1) {
        int bestRank = INT_MAX;
        size_t bestAt = 0;
        for (size_t i = 0; i + 1 < symbols.size(); ++i) {
            auto it = mergeRank_.find(symbols[i] + " " + symbols[i + 1]);
            if (it != mergeRank_.end() && it->second < bestRank) { bestRank = it->second; bestAt = i; }
        }
        if (bestRank == INT_MAX) break;
        const auto& [left, right] = merges_[static_cast<size_t>(bestRank)];
        std::vector<std::string> merged;
        merged.reserve(symbols.size());
        for (size_t i = 0; i < symbols.size(); ++i) {
            if (i + 1 < symbols.size() && i >= bestAt && symbols[i] == left && symbols[i + 1] == right) {
                merged.push_back(left + right);
                ++i;
            } else {
                merged.push_back(std::move(symbols[i]));
            }
        }
        symbols = std::move(merged);
    }
    std::vector<int> ids;
    for (const auto& s : symbols) ids.push_back(vocab_.at(s));
    out.insert(out.end(), ids.begin(), ids.end());
    std::lock_guard lock(cacheMutex_);
    if (cache_.size() > 200000) cache_.clear();
    cache_.emplace(key, std::move(ids));
}

std::string ByteLevelBpe::decode(const std::vector<int>& ids, bool skipSpecialTokens) const {
    static const std::unordered_map<char32_t, unsigned char> codePointToByte = [] {
        std::unordered_map<char32_t, unsigned char> m;
        for (int b = 0; b < 256; ++b) m[byteToCodePoint()[static_cast<size_t>(b)]] = static_cast<unsigned char>(b);
        return m;
    }();
    std::string bytes;
    for (int id : ids) {
        if (id < 0 || id >= vocabSize()) continue;
        const std::string& token = idToToken_[static_cast<size_t>(id)];
        if (const AddedToken* added = addedTokens_->find(token)) {
            if (!(skipSpecialTokens && added->special)) bytes += token;
            continue;
        }
        for (char32_t cp : decodeUtf8(token)) {
            auto it = codePointToByte.find(cp);
            if (it != codePointToByte.end()) bytes.push_back(static_cast<char>(it->second));
        }
    }
    return bytes;
}

std::string ByteLevelBpe::decodeLossy(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return encodeUtf8(decodeUtf8(decode(ids, skipSpecialTokens)));
}

void ByteLevelBpe::save(const std::string& dir) const {
    namespace fs = std::filesystem;
    if (tokenizerJsonToCopy_.empty()) return saveGpt2Form(dir);
    const fs::path from = fs::path(tokenizerJsonToCopy_).parent_path(), to = dir;
    if (fs::exists(to / "tokenizer.json") && fs::equivalent(to / "tokenizer.json", tokenizerJsonToCopy_)) return;
    // Files of the other form left in `dir` would be read beside (or instead of) the copy.
    for (const char* name : {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.json",
                             "merges.txt", "added_tokens.json", "tokenizer.model"})
        fs::remove(to / name);
    fs::copy_file(tokenizerJsonToCopy_, to / "tokenizer.json");
    for (const char* name : {"tokenizer_config.json", "special_tokens_map.json"})
        if (fs::exists(from / name)) fs::copy_file(from / name, to / name);
}

void ByteLevelBpe::saveGpt2Form(const std::string& dir) const {
    // Tokenizer files from an earlier save or another tokenizer would be read instead of (tokenizer.json,
    // tokenizer.model) or beside (the others) what is written here.
    for (const char* stale : {"tokenizer.json", "tokenizer.model", "added_tokens.json", "tokenizer_config.json", "special_tokens_map.json"})
        std::filesystem::remove(std::filesystem::path(dir) / stale);
    nlohmann::ordered_json vocab, added = nlohmann::ordered_json::object();
    for (size_t id = 0; id < idToToken_.size(); ++id) {
        const std::string& token = idToToken_[id];
        if (token.empty()) continue;  // an id the vocabulary skips: nothing to write
        const bool beyond = std::find(addedBeyondVocab_.begin(), addedBeyondVocab_.end(), token) != addedBeyondVocab_.end();
        (beyond ? added : vocab)[token] = id;
    }
    std::ofstream(std::filesystem::path(dir) / "vocab.json", std::ios::binary) << vocab.dump();
    if (!added.empty()) std::ofstream(std::filesystem::path(dir) / "added_tokens.json", std::ios::binary) << added.dump();
    // Flags other than the defaults go where transformers keeps them for this file form.
    nlohmann::ordered_json decoder = nlohmann::ordered_json::object();
    for (const auto& t : addedTokens_->tokens())
        if (t.singleWord || t.lstrip || t.rstrip || !t.normalized || t.special != (t.content == kEndOfText))
            decoder[std::to_string(vocab_.at(t.content))] = {{"content", t.content}, {"lstrip", t.lstrip},
                                                             {"normalized", t.normalized}, {"rstrip", t.rstrip},
                                                             {"single_word", t.singleWord}, {"special", t.special}};
    nlohmann::ordered_json config = nlohmann::ordered_json::object();
    if (addPrefixSpace_) config["add_prefix_space"] = true;
    if (!decoder.empty()) config["added_tokens_decoder"] = decoder;
    if (!config.empty()) std::ofstream(std::filesystem::path(dir) / "tokenizer_config.json", std::ios::binary) << config.dump();
    std::ofstream merges(std::filesystem::path(dir) / "merges.txt", std::ios::binary);
    merges << "#version: 0.2\n";
    for (const auto& [left, right] : merges_) merges << left << ' ' << right << '\n';
}

}  // namespace rlhf::text
