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

}  // namespace rlhf::model
