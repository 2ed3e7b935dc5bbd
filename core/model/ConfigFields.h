#pragma once
// Reading the fields of a Hugging Face config.json: each reader takes the field by its config.json name,
// returns `fallback` when it is absent or null, and throws std::invalid_argument naming `origin` and the
// field when it has the wrong type or an out-of-range value.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rlhf::model {

bool present(const nlohmann::json& j, const char* name);
// An integer in [minimum, 2^30].
int intField(const nlohmann::json& j, const char* name, const std::string& origin, int fallback, int minimum = 1);
// A positive number.
double numberField(const nlohmann::json& j, const char* name, const std::string& origin, double fallback);
bool boolField(const nlohmann::json& j, const char* name, const std::string& origin, bool fallback);
// A token id, a list of them, or null (no ids).
std::vector<int> idList(const nlohmann::json& j, const char* name, const std::string& origin);
// Adds the eos_token_id ids of `dir`/generation_config.json (when it exists) that `ids` lacks; each must be
// below `vocabSize`.
void addGenerationEosIds(const std::string& dir, std::vector<int>& ids, int vocabSize);
// The JSON document at `path`; throws std::invalid_argument naming it when it cannot be read or parsed.
nlohmann::json readConfigJson(const std::string& path);

}  // namespace rlhf::model
