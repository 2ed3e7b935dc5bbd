#pragma once
// Reading the files Hugging Face keeps beside a tokenizer, for the tokenizers of text/: JSON with errors
// that name the file and byte, the vocabulary, merges, added tokens (tokenizer.json's added_tokens,
// added_tokens.json, tokenizer_config.json's added_tokens_decoder) and the special tokens that
// special_tokens_map.json and tokenizer_config.json name.

#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/AddedTokenMatcher.h"

namespace rlhf::text {

std::string readFile(const std::string& path);
// A token or line as a JSON string for a message; bytes that are not UTF-8 (a damaged file) become U+FFFD
// instead of making the message itself throw.
std::string jsonQuoted(const std::string& text);
nlohmann::json parseJsonFile(const std::string& path);
std::unordered_map<std::string, int> vocabFromJson(const nlohmann::json& j, const std::string& path);
std::pair<std::string, std::string> splitMerge(const std::string& line, const std::string& where);

// The JSON files transformers writes beside a tokenizer, each read once: null where absent.
struct SideFile {
    std::string path;
    nlohmann::json json;
};
SideFile sideFile(const std::filesystem::path& dir, const char* name);

// Tokens added after the BPE was trained, with their ids and the file that lists them: tokenizer.json's
// added_tokens, or the added_tokens.json that save_pretrained writes beside vocab.json (fine-tuning
// recipes add a pad token).
struct ListedToken {
    AddedToken token;
    int id;
    std::string file;
};
using AddedTokens = std::vector<ListedToken>;

AddedTokens addedTokensFromTokenizerJson(const nlohmann::json& j, const std::string& path);
// added_tokens.json (content -> id, no flags), and tokenizer_config.json's added_tokens_decoder (id -> token
// with its flags). A token in both takes the decoder's flags; mergeAddedTokens checks the ids.
AddedTokens addedTokensFromFiles(const std::filesystem::path& dir, const SideFile& tokenizerConfig);
// Puts the added tokens into `vocab`; returns those it did not hold before. An added token may repeat a
// vocabulary entry (GPT-2's <|endoftext|>) but not with another id, nor take an id another token has.
std::vector<std::string> mergeAddedTokens(std::unordered_map<std::string, int>& vocab, const AddedTokens& added);
// tokenizer_config.json's add_prefix_space, which transformers' GPT-2 tokenizers take from it.
bool addPrefixSpaceFromConfig(const SideFile& tokenizerConfig);
// The tokens that special_tokens_map.json and tokenizer_config.json name as bos_token, eos_token, …,
// additional_special_tokens.
std::vector<std::string> namedSpecialTokens(const std::filesystem::path& dir, const SideFile& tokenizerConfig);
// GPT-2's end-of-text token (special) and every added token split the text before BPE and decode verbatim;
// the named special tokens in the vocabulary become special added tokens, as in Hugging Face's fast
// tokenizers.
std::vector<AddedToken> specialsWith(const AddedTokens& added, const std::vector<std::string>& named,
                                     const std::unordered_map<std::string, int>& vocab);

}  // namespace rlhf::text
