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

}  // namespace rlhf::model
