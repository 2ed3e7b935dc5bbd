#include "text/TokenizerFiles.h"

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

#include "text/ByteLevelBpe.h"

namespace rlhf::text {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TokenizerError(path + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

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

SideFile sideFile(const std::filesystem::path& dir, const char* name) {
    SideFile f{(dir / name).string(), nullptr};
    if (!std::filesystem::exists(f.path)) return f;
    f.json = parseJsonFile(f.path);
    if (!f.json.is_object()) throw TokenizerError(f.path + ": expected a JSON object");
    return f;
}

namespace {

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

}  // namespace

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

bool addPrefixSpaceFromConfig(const SideFile& tokenizerConfig) {
    const auto& [path, config] = tokenizerConfig;
    if (config.is_null() || !config.contains("add_prefix_space") || config["add_prefix_space"].is_null()) return false;
    if (!config["add_prefix_space"].is_boolean()) throw TokenizerError(path + ": add_prefix_space must be true or false");
    return config["add_prefix_space"].get<bool>();
}

namespace {
const char* const kSpecialTokenKeys[] = {"bos_token", "eos_token", "unk_token", "sep_token",
                                         "pad_token", "cls_token", "mask_token", "additional_special_tokens"};
}  // namespace

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


}  // namespace rlhf::text
