#include "model/LlamaGeneration.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <stdexcept>

#include <torch/torch.h>

#include "model/RecurrentDecoding.h"
#include "model/LlamaStaticDecoder.h"
#include "model/cpu/LlamaCpuDecoder.h"

namespace rlhf::model {

namespace {

// The model's step captured as a CUDA graph, or null (with a warning) where the capture fails: generation
// then goes on op by op.
std::unique_ptr<LlamaStaticDecoder> capturedOrNull(const LlamaModel& model, const LlamaModel::KvCache& cache, int64_t capacity,
                                                  const std::vector<int64_t>& firstReal) {
    try {
        return std::make_unique<LlamaStaticDecoder>(model, cache, capacity, firstReal, true);
    } catch (const std::exception& e) {
        std::cerr << "rlhf: warning: the CUDA graph of the decode step could not be captured (" << e.what()
                  << "); decoding op by op (RLHF_NO_CUDA_GRAPHS=1 skips the attempt)\n";
        return nullptr;
    }
}

// The decode step of a Llama model: the prompt through LlamaModel (its KV cache), then each token through
// a LlamaCpuDecoder where one applies (a float32 or bf16 model on the CPU), a CUDA graph of LlamaModel's
// static step (LlamaStaticDecoder) on a GPU, or else LlamaModel's cached step. `keyMask` [B,P]:
// the left-padded prompts' real positions (undefined: no padding); `newTokens`: how many tokens the loop
// may draw, so the positions the decoder must hold. Only the last position's logits: a prompt's [T,V]
// would be 2.4 GB for 4k tokens of Qwen2's vocabulary.
DecodeStep llamaDecodeStep(const LlamaModel& model, int newTokens, torch::Tensor keyMask) {
    struct State {
        LlamaModel::KvCache cache;
        torch::Tensor keyMask;
        std::unique_ptr<LlamaCpuDecoder> decoder;
        std::unique_ptr<LlamaStaticDecoder> graph;
    };
    auto state = std::make_shared<State>();
    state->keyMask = keyMask.defined() ? keyMask.to(torch::kBool) : keyMask;
    return [&model, state, newTokens](const torch::Tensor& ids) {
        if (state->decoder) return state->decoder->step(ids.contiguous().data_ptr<int64_t>());
        if (state->graph) return state->graph->step(ids);
        const int64_t B = ids.size(0), T = ids.size(1);
        auto& mask = state->keyMask;
        if (mask.defined() && state->cache.length > 0) mask = torch::cat({mask, torch::ones({B, T}, mask.options())}, 1);
        auto logits = model.lastLogits(ids, &state->cache, mask);
        const bool onCpu = LlamaCpuDecoder::available(model), onGraph = LlamaStaticDecoder::capturable(model);
        if (state->cache.length == T && newTokens > 1 && (onCpu || onGraph)) {
            std::vector<int64_t> firstReal(static_cast<size_t>(B), 0);  // padding before each row's prompt
            if (mask.defined())
                for (int64_t b = 0; b < B; ++b) firstReal[static_cast<size_t>(b)] = T - mask[b].sum().item<int64_t>();
            // The loop feeds at most newTokens − 1 more tokens after the prompt.
            if (onCpu) state->decoder = std::make_unique<LlamaCpuDecoder>(model, state->cache, T + newTokens - 1, std::move(firstReal));
            else state->graph = capturedOrNull(model, state->cache, T + newTokens - 1, firstReal);
            if (state->decoder || state->graph) state->cache = {};  // the decoder holds its own copy
        }
        return logits;
    };
}

// Every EOS id of the model's config, then a chat format's end-of-turn ids.
std::vector<int> stopIdsOf(const LlamaModel& model, const std::vector<int>& extraStopIds) {
    std::vector<int> stopIds = model.config().eosTokenIds;
    stopIds.insert(stopIds.end(), extraStopIds.begin(), extraStopIds.end());
    return stopIds;
}

}  // namespace

std::vector<Completion> generateLlama(const LlamaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& o, const TokenCallback& onToken,
                                      const std::atomic<bool>* cancel, const std::vector<int>& extraStopIds,
                                      const LogitsCallback& onLogits) {
    return decodeRecurrently(llamaDecodeStep(model, o.maxNewTokens, {}), model.device(), prompt, count, o,
                             stopIdsOf(model, extraStopIds), onToken, cancel, onLogits);
}

std::vector<Completion> generateLlamaBatch(const LlamaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds) {
    const auto padded = leftPadPrompts(prompts, model.device());
    return decodeFrom(llamaDecodeStep(model, options.maxNewTokens, padded.real), padded.ids, options,
                      stopIdsOf(model, extraStopIds));
}

}  // namespace rlhf::model
