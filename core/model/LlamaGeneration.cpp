#include "model/LlamaGeneration.h"

#include "model/RecurrentDecoding.h"

#include <algorithm>
#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::model {

std::vector<Completion> generateLlama(const LlamaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& o, const TokenCallback& onToken,
                                      const std::atomic<bool>* cancel, const std::vector<int>& extraStopIds,
                                      const LogitsCallback& onLogits) {
    std::vector<int> stopIds = model.config().eosTokenIds;
    stopIds.insert(stopIds.end(), extraStopIds.begin(), extraStopIds.end());
    LlamaModel::KvCache cache;
    // Only the last position's logits: a prompt's [T,V] would be 2.4 GB for 4k tokens of Qwen2's vocabulary.
    return decodeRecurrently([&](const torch::Tensor& ids) { return model.lastLogits(ids, &cache); }, model.device(), prompt,
                             count, o, stopIds, onToken, cancel, onLogits);
}

std::vector<Completion> generateLlamaBatch(const LlamaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds) {
    const auto padded = leftPadPrompts(prompts, model.device());
    const int64_t B = padded.ids.size(0);
    std::vector<int> stopIds = model.config().eosTokenIds;
    stopIds.insert(stopIds.end(), extraStopIds.begin(), extraStopIds.end());
    auto keyMask = padded.real.to(torch::kBool);  // [B,S]
    LlamaModel::KvCache cache;
    const auto step = [&](const torch::Tensor& input) {
        if (cache.length > 0) keyMask = torch::cat({keyMask, torch::ones({B, input.size(1)}, keyMask.options())}, 1);
        return model.lastLogits(input, &cache, keyMask);
    };
    return decodeFrom(step, padded.ids, options, stopIds);
}

}  // namespace rlhf::model
