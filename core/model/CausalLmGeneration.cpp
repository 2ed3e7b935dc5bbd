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
    return generateMambaBatch(model.mamba(), prompts, options, stopIds);
}

}  // namespace rlhf::model
