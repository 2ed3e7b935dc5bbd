#pragma once
// Sampling a batch of different prompts with any CausalLm, as PPO rolls out its policy, one completion
// each. A GPT-2 decodes the batch together left-padded with an attention mask (Generation.h), a
// Llama-family model left-padded with its key mask (generateLlamaBatch), a Mamba left-padded with its
// mixer's mask (generateMambaBatch), all from the seed of `options`. Every completion ends at its first EOS id of the config or of
// `stopIds` (a chat format's end-of-turn tokens), which it keeps, with endedWithEos set. Runs under
// inference mode on the model's device; the models are left in eval mode.

#include <vector>

#include "model/CausalLm.h"
#include "model/Generation.h"

namespace rlhf::model {

// Throws std::invalid_argument for an empty prompt or one that leaves no room in the context.
std::vector<Completion> generateEach(CausalLm& model, const std::vector<std::vector<int>>& prompts, const SamplingOptions& options,
                                     const std::vector<int>& stopIds = {});

}  // namespace rlhf::model
