#include "text/ByteLevelBpe.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/TokenizerJsonOptions.h"
#include "text/Utf8.h"

namespace rlhf::text {

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TokenizerError(path + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A token or line as a JSON string for a message; bytes that are not UTF-8 (a damaged file) become U+FFFD
// instead of making the message itself throw.
std::string jsonQuoted(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json parseJsonFile(const std::string& path) {
    try {
        return nlohmann::json::parse(readFile(path));
    } catch (const nlohmann::json::parse_error& e) {
        throw TokenizerError(path + ": invalid JSON at byte " + std::to_string(e.byte));
    }
}

std::unordered_map<std::string, int> vocabFromJson(const nlohmann::json& j, const std::string& path) {
    if (!j.is_object()) throw TokenizerError(path + ": expected a JSON object of token -> id");
    std::unordered_map<std::string, int> vocab;
    for (const auto& [token, id] : j.items()) {
        if (!id.is_number_integer() || id.get<long long>() < 0 || id.get<long long>() > INT_MAX)
            throw TokenizerError(path + ": token " + jsonQuoted(token) + " has no valid id");
        vocab.emplace(token, id.get<int>());
    }
    return vocab;
}

std::pair<std::string, std::string> splitMerge(const std::string& line, const std::string& where) {
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 >= line.size() ||
        line.find(' ', space + 1) != std::string::npos)
        throw TokenizerError(where + ": expected two tokens separated by one space, found " + jsonQuoted(line));
    return {line.substr(0, space), line.substr(space + 1)};
}

// The JSON files transformers writes beside a tokenizer, each read once: null where absent.
struct SideFile {
    std::string path;
    nlohmann::json json;
};
SideFile sideFile(const std::filesystem::path& dir, const char* name) {
    SideFile f{(dir / name).string(), nullptr};
    if (!std::filesystem::exists(f.path)) return f;
    f.json = parseJsonFile(f.path);
    if (!f.json.is_object()) throw TokenizerError(f.path + ": expected a JSON object");
    return f;
}

// Tokens added after the BPE was trained, with their ids and the file that lists them: tokenizer.json's
// added_tokens, or the added_tokens.json that save_pretrained writes beside vocab.json (fine-tuning
// recipes add a pad token).
struct ListedToken {
    AddedToken token;
    int id;
    std::string file;
};
using AddedTokens = std::vector<ListedToken>;

// An added token's entry {content, id, single_word, lstrip, rstrip, normalized, special} (tokenizer.json's
// added_tokens[i], or tokenizer_config.json's added_tokens_decoder[id] without the id).
AddedToken addedTokenFromJson(const nlohmann::json& t, const std::string& where) {
    if (!t.is_object() || !t.contains("content") || !t["content"].is_string() || t["content"].get<std::string>().empty())
        throw TokenizerError(where + " needs a non-empty content");
    AddedToken token{t["content"].get<std::string>()};
    for (auto [key, flag] : {std::pair{"single_word", &token.singleWord}, {"lstrip", &token.lstrip},
                             {"rstrip", &token.rstrip}, {"normalized", &token.normalized}, {"special", &token.special}}) {
        if (!t.contains(key)) continue;
        if (!t[key].is_boolean()) throw TokenizerError(where + "." + key + " must be true or false");
        *flag = t[key].get<bool>();
    }
    return token;
}

AddedTokens addedTokensFromTokenizerJson(const nlohmann::json& j, const std::string& path) {
    AddedTokens added;
    if (!j.contains("added_tokens")) return added;
    if (!j["added_tokens"].is_array()) throw TokenizerError(path + ": added_tokens must be an array");
    for (size_t i = 0; i < j["added_tokens"].size(); ++i) {
        const auto& t = j["added_tokens"][i];
        const std::string where = path + ": added_tokens[" + std::to_string(i) + "]";
        if (!t.is_object() || !t.contains("content") || !t["content"].is_string() || !t.contains("id") ||
            !t["id"].is_number_integer() || t["id"].get<long long>() < 0 || t["id"].get<long long>() > INT_MAX)
            throw TokenizerError(where + " needs a non-empty content and an id");
        added.push_back({addedTokenFromJson(t, where), t["id"].get<int>(), path});
    }
    return added;
}

// added_tokens.json (content -> id, no flags), and tokenizer_config.json's added_tokens_decoder (id -> token
// with its flags, as transformers writes it beside them; it may list <|endoftext|> and tokens that
// added_tokens.json lacks). A token in both takes the decoder's flags; mergeAddedTokens checks the ids.
AddedTokens addedTokensFromFiles(const std::filesystem::path& dir, const SideFile& tokenizerConfig) {
    AddedTokens added;
    const std::string path = (dir / "added_tokens.json").string();
    if (std::filesystem::exists(path))
        for (const auto& [content, id] : vocabFromJson(parseJsonFile(path), path)) added.push_back({AddedToken{content}, id, path});
    const auto& [configPath, config] = tokenizerConfig;
    if (config.is_null() || !config.contains("added_tokens_decoder")) return added;
    if (!config["added_tokens_decoder"].is_object())
        throw TokenizerError(configPath + ": added_tokens_decoder must be an object of id -> token");
    for (const auto& [key, t] : config["added_tokens_decoder"].items()) {
        const std::string where = configPath + ": added_tokens_decoder." + key;
        if (key.empty() || key.size() > 9 || key.find_first_not_of("0123456789") != std::string::npos)
            throw TokenizerError(where + ": the key must be a token id");
        const AddedToken token = addedTokenFromJson(t, where);
        added.push_back({token, std::stoi(key), configPath});
        for (auto& earlier : added)
            if (earlier.token.content == token.content) earlier.token = token;
    }
    return added;
}

// Puts the added tokens into `vocab`; returns those it did not hold before. An added token may repeat a
// vocabulary entry (GPT-2's <|endoftext|>) but not with another id, nor take an id another token has.
std::vector<std::string> mergeAddedTokens(std::unordered_map<std::string, int>& vocab, const AddedTokens& added) {
    std::unordered_map<int, std::string> byId;
    for (const auto& [token, id] : vocab) byId.emplace(id, token);
    std::vector<std::string> beyond;
    for (const auto& [token, id, origin] : added) {
        const std::string& content = token.content;
        if (auto it = vocab.find(content); it != vocab.end()) {
            if (it->second != id)
                throw TokenizerError(origin + ": added token " + jsonQuoted(content) + " has id " + std::to_string(id) +
                                     " but the vocabulary gives it " + std::to_string(it->second));
            continue;
        }
        if (auto it = byId.find(id); it != byId.end())
            throw TokenizerError(origin + ": added token " + jsonQuoted(content) + " takes id " + std::to_string(id) +
                                 ", which is " + jsonQuoted(it->second) + " in the vocabulary");
        vocab.emplace(content, id);
        byId.emplace(id, content);
        beyond.push_back(content);
    }
    return beyond;
}

// tokenizer_config.json's add_prefix_space, which transformers' GPT-2 tokenizers take from it.
bool addPrefixSpaceFromConfig(const SideFile& tokenizerConfig) {
    const auto& [path, config] = tokenizerConfig;
    if (config.is_null() || !config.contains("add_prefix_space") || config["add_prefix_space"].is_null()) return false;
    if (!config["add_prefix_space"].is_boolean()) throw TokenizerError(path + ": add_prefix_space must be true or false");
    return config["add_prefix_space"].get<bool>();
}

const char* const kSpecialTokenKeys[] = {"bos_token", "eos_token", "unk_token", "sep_token",
                                         "pad_token", "cls_token", "mask_token", "additional_special_tokens"};

// The tokens that special_tokens_map.json and tokenizer_config.json name as bos_token, eos_token, …,
// additional_special_tokens: each a string or an added-token object {content, …}, the last a list of them.
std::vector<std::string> namedSpecialTokens(const std::filesystem::path& dir, const SideFile& tokenizerConfig) {
    std::vector<std::string> names;
    for (const SideFile& file : {sideFile(dir, "special_tokens_map.json"), tokenizerConfig}) {
        const auto& [path, j] = file;
        if (j.is_null()) continue;
        for (const char* key : kSpecialTokenKeys) {
            if (!j.contains(key) || j[key].is_null()) continue;
            const auto& value = j[key];
            const bool list = std::string(key) == "additional_special_tokens";
            if (list && !value.is_array()) throw TokenizerError(path + ": " + key + " must be a list of tokens");
            for (const auto& v : list ? value : nlohmann::json::array({value})) {
                if (v.is_string()) names.push_back(v.get<std::string>());
                else if (v.is_object() && v.contains("content") && v["content"].is_string()) names.push_back(v["content"].get<std::string>());
                else throw TokenizerError(path + ": " + key + " must be a token (a string or {\"content\": ...})");
            }
        }
    }
    return names;
}

// GPT-2's end-of-text token (special, as transformers' GPT-2 tokenizer makes it) and every added token
// split the text before BPE and decode verbatim; a token listed twice keeps the flags of its last entry.
// The named special tokens in the vocabulary become special added tokens, as in Hugging Face's fast
// tokenizers; those not in it are left out (they would need an embedding row the model lacks).
std::vector<AddedToken> specialsWith(const AddedTokens& added, const std::vector<std::string>& named,
                                     const std::unordered_map<std::string, int>& vocab) {
    AddedToken endOfText{ByteLevelBpe::kEndOfText};
    endOfText.special = true;
    std::vector<AddedToken> specials{endOfText};
    auto find = [&](const std::string& content) {
        return std::find_if(specials.begin(), specials.end(), [&](const AddedToken& t) { return t.content == content; });
    };
    for (const auto& [token, id, file] : added) {
        if (auto same = find(token.content); same != specials.end()) *same = token;
        else specials.push_back(token);
    }
    for (const auto& content : named) {
        if (!vocab.count(content)) continue;
        if (auto same = find(content); same != specials.end()) {
            same->special = true;
            continue;
        }
        AddedToken token{content};
        token.normalized = false;  // transformers' default for a special token
        token.special = true;
        specials.push_back(token);
    }
    return specials;
}

}  // namespace

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
      preTokenizer_(std::make_unique<Gpt2PreTokenizer>()) {
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
      addPrefixSpace_(other.addPrefixSpace_), cache_(std::move(other.cache_)) {}

ByteLevelBpe& ByteLevelBpe::operator=(ByteLevelBpe&& other) noexcept {
    vocab_ = std::move(other.vocab_);
    idToToken_ = std::move(other.idToToken_);
    merges_ = std::move(other.merges_);
    mergeRank_ = std::move(other.mergeRank_);
    addedTokens_ = std::move(other.addedTokens_);
    addedBeyondVocab_ = std::move(other.addedBeyondVocab_);
    preTokenizer_ = std::move(other.preTokenizer_);
    addPrefixSpace_ = other.addPrefixSpace_;
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
    const ByteLevelOptions options = byteLevelOptionsFromTokenizerJson(j, path);
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
        [&](const AddedToken& token) { ids.push_back(vocab_.at(token.content)); });
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
        if (id < 0 || id >= vocabSize()) throw std::out_of_range("token id " + std::to_string(id) + " outside the vocabulary");
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
    // Tokenizer files from an earlier save or another tokenizer would be read instead of (tokenizer.json)
    // or beside (the others) what is written here.
    for (const char* stale : {"tokenizer.json", "added_tokens.json", "tokenizer_config.json", "special_tokens_map.json"})
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
