#pragma once
// The most tokens one row of a stage's data can take, from its texts' bytes: a byte-level BPE or
// SentencePiece token covers at least one byte of text (SentencePiece's dummy prefix aside), and a chat
// template adds at most kTemplateTokens around them (its markers and a default system turn). The memory
// check sizes a run's activations by this bound instead of by the model's whole context, which for a
// Qwen2 is 32,768 tokens: thousands of GiB that no demonstration needs.

#include <cstdint>
#include <string>
#include <vector>

#include "data/Demonstrations.h"
#include "data/PreferenceGroups.h"
#include "data/PreferencePairs.h"

namespace rlhf::cli {

inline constexpr int64_t kTemplateTokens = 256;

int64_t rowTokenBound(const std::vector<data::Demonstration>& rows);    // prompt + response
int64_t rowTokenBound(const std::vector<data::PreferencePair>& rows);   // prompt + the longer response
int64_t rowTokenBound(const std::vector<data::PreferenceGroup>& rows);  // prompt + its longest response
int64_t rowTokenBound(const std::vector<std::string>& prompts);         // a prompt (PPO's rollouts)

}  // namespace rlhf::cli
