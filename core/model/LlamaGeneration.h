#pragma once
// Generation with a Llama-family model: `count` completions of one prompt decoded together (the prompt
// repeated, so no padding or mask), with the KV cache, the sampling of Generation.h (greedy, temperature,
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

}  // namespace rlhf::model
