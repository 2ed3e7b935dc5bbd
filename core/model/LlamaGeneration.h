#pragma once
// Generation with a Llama-family model: `count` completions of one prompt decoded together (the prompt
// repeated, so no padding or mask), or one of each of several prompts (left-padded and masked), with the KV cache, the sampling of Generation.h (greedy, temperature,
// top-k, top-p, a seed), streaming, cancellation, and a stop at any EOS id of the model's config or of
// `extraStopIds` (a chat format's end-of-turn token). Runs in inference mode on the model's device.

#include <atomic>
#include <vector>

#include "model/Generation.h"
#include "model/LlamaModel.h"

namespace rlhf::model {

// Throws std::invalid_argument for an empty prompt.
std::vector<Completion> generateLlama(const LlamaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& options, const TokenCallback& onToken = {},
                                      const std::atomic<bool>* cancel = nullptr, const std::vector<int>& extraStopIds = {},
                                      const LogitsCallback& onLogits = {});

// One completion of each of `prompts` (different lengths), decoded together: left-padded to the longest
// with the padding masked (LlamaModel's key mask), sampled from the one seed of `options`. Greedy, it
// gives each prompt what generateLlama gives it alone. Throws std::invalid_argument for an empty prompt.
std::vector<Completion> generateLlamaBatch(const LlamaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds = {});

}  // namespace rlhf::model
