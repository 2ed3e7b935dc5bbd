#pragma once
// Token lengths of a project's prompts and responses, with the tokenizer of its newest checkpoint:
// the statistics view's "lengths in tokens once a tokenizer exists".
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct TokenLengths {
    std::string tokenizerDirectory;
    std::vector<int64_t> prompts, responses;
};

// nullopt when no checkpoint of the project has tokenizer files yet (or `cancel` was set).
std::optional<TokenLengths> tokenLengthsWithLatestTokenizer(Database& db, const std::atomic<bool>* cancel = nullptr);

}  // namespace rlhf::data
