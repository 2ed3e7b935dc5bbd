#pragma once
// `rlhf score --ids` and `rlhf generate --ids`: token ids in, numbers out, for any model directory the
// engine reads — GPT-2 (HfCheckpoint), the Llama family or Mamba (model/TextModel) — with or without a tokenizer.
// The ids are used as given (no BOS added). For exact checks against other implementations.

#include <string>
#include <vector>

#include "model/Generation.h"

namespace rlhf::cli {

// "1,2,3" → {1, 2, 3}; throws UserError naming --ids and the item that is not a token id.
std::vector<int> parseTokenIds(const std::string& text);

// {"logprob": Σ, "token_logprobs": [log p(ids[i] | ids[<i]) for i ≥ 1]} (n − 1 values).
// `precision`: --precision (DeviceOption's inferenceDtype; fp32 for exact checks).
void scoreTokenIds(const std::string& modelDir, const std::vector<int>& ids, const std::string& device, const std::string& precision,
                   bool json);

// {"completions": [{"ids": new ids, "ended_with_eos", "text" (with a tokenizer)}]}; stops early only at
// an EOS id of the model's config.
void generateFromTokenIds(const std::string& modelDir, const std::vector<int>& ids, const model::SamplingOptions& sampling,
                          int num, const std::string& device, const std::string& precision, bool json);

}  // namespace rlhf::cli
