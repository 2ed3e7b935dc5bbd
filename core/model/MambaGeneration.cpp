#include "model/MambaGeneration.h"

#include "model/RecurrentDecoding.h"

namespace rlhf::model {

std::vector<Completion> generateMamba(MambaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& o, const TokenCallback& onToken,
                                      const std::atomic<bool>* cancel, const std::vector<int>& extraStopIds,
                                      const LogitsCallback& onLogits) {
    model->eval();
    std::vector<int> stopIds = model->config().eosTokenIds;
    stopIds.insert(stopIds.end(), extraStopIds.begin(), extraStopIds.end());
    MambaCache cache;
    return decodeRecurrently([&](const torch::Tensor& ids) { return model->forwardInChunks(ids, cache, true); }, model->device(), prompt,
                             count, o, stopIds, onToken, cancel, onLogits);
}

std::vector<Completion> generateMambaBatch(MambaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds) {
    model->eval();
    const auto padded = leftPadPrompts(prompts, model->device());
    std::vector<int> stopIds = model->config().eosTokenIds;
    stopIds.insert(stopIds.end(), extraStopIds.begin(), extraStopIds.end());
    MambaCache cache;
    const auto step = [&](const torch::Tensor& ids) {  // the padded prompts masked once, then one real token per row
        const bool prompt = cache.length == 0;
        return model->forwardInChunks(ids, cache, true, 256, prompt ? padded.real.to(torch::kFloat32) : torch::Tensor());
    };
    return decodeFrom(step, padded.ids, options, stopIds);
}

}  // namespace rlhf::model
