#include "model/CausalLmGeneration.h"

#include <algorithm>

#include <torch/torch.h>

#include "model/LlamaGeneration.h"
#include "model/MambaGeneration.h"

namespace rlhf::model {

namespace {

// The GPT-2 decoder stops at EOS only: a completion that went past another stop id ends there.
void endAtStopIds(std::vector<Completion>& completions, const std::vector<int>& stopIds) {
    for (auto& c : completions) {
        const auto stop = std::find_first_of(c.ids.begin(), c.ids.end(), stopIds.begin(), stopIds.end());
        if (stop == c.ids.end()) continue;
        c.ids.erase(stop + 1, c.ids.end());
        c.endedWithEos = true;
    }
}

}  // namespace

std::vector<Completion> generateEach(CausalLm& model, const std::vector<std::vector<int>>& prompts, const SamplingOptions& options,
                                     const std::vector<int>& stopIds) {
    if (model.gpt()) {
        auto completions = generate(model.gpt(), prompts, options);
        endAtStopIds(completions, stopIds);
        return completions;
    }
    torch::InferenceMode inference;
    if (model.llama()) return generateLlamaBatch(model.llama()->model(), prompts, options, stopIds);
    std::vector<Completion> out;
    for (size_t b = 0; b < prompts.size(); ++b) {
        SamplingOptions own = options;
        own.seed = options.seed + b * 0x9E3779B97F4A7C15ULL;  // no two calls' prompts share a seed (PPO's steps are seed + step)
        out.push_back(std::move(generateMamba(model.mamba(), prompts[b], 1, own, {}, nullptr, stopIds).front()));
    }
    return out;
}

}  // namespace rlhf::model
