#pragma once
// Generation with Mamba: the prompt (in chunks of positions) leaves each layer's recurrent state (MambaCache),
// then one position per token from that state, so each new token costs the same at any context length.
// Sampling, streaming, cancellation and the stop at any EOS id of the config (or `extraStopIds`) are
// those of RecurrentDecoding. The model is put in eval mode.

#include <atomic>
#include <vector>

#include "model/Generation.h"
#include "model/MambaModel.h"

namespace rlhf::model {

// Throws std::invalid_argument for an empty prompt.
std::vector<Completion> generateMamba(MambaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& options, const TokenCallback& onToken = {},
                                      const std::atomic<bool>* cancel = nullptr, const std::vector<int>& extraStopIds = {},
                                      const LogitsCallback& onLogits = {});

// One completion of each of `prompts` (different lengths), decoded together: left-padded to the longest with
// the padding masked (MambaMixer's mask keeps the state at zero through it), sampled from the one seed of
// `options`. Greedy, it gives each prompt what generateMamba gives it alone. Throws std::invalid_argument for
// an empty prompt.
std::vector<Completion> generateMambaBatch(MambaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds = {});

}  // namespace rlhf::model
