#include "train/LlamaTrainBench.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include <torch/torch.h>

#include "model/LlamaBench.h"
#include "model/LlamaModule.h"
#include "train/AdamW.h"

namespace rlhf::train {

double llamaTrainTokensPerSecond(const model::LlamaConfig& config, int tokens, int rounds, const torch::Device& device,
                                 Precision precision) {
    torch::manual_seed(2);
    model::LlamaModule module(model::LlamaModel(config, model::randomLlamaWeights(config, device)), nlohmann::json::object(),
                              nlohmann::json());
    AdamW optimizer(module->parameters(), AdamWOptions{1e-5});
    std::vector<double> perSecond;
    for (int round = 0; round <= rounds; ++round) {  // round 0 warms up
        const auto sequence = torch::randint(0, config.vocabSize - 1, {1, tokens + 1}, torch::dtype(torch::kLong).device(device));
        const auto t0 = std::chrono::steady_clock::now();
        setGradsToNone(module->parameters());
        torch::Tensor logProbs;
        {
            AutocastScope autocast(precision, device);
            logProbs = module->targetLogProbs(sequence.narrow(1, 0, tokens), sequence.narrow(1, 1, tokens));
        }
        (-logProbs.mean()).backward();
        optimizer.step(1e-5);
        (void)logProbs.sum().item<double>();  // waits for a device
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (round > 0) perSecond.push_back(tokens / seconds);
    }
    std::sort(perSecond.begin(), perSecond.end());
    return perSecond[perSecond.size() / 2];
}

}  // namespace rlhf::train
