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

// LlamaModel's cached step over `cache`, the key mask (when defined) growing by the fed positions.
DecodeStep cachedStep(const LlamaModel& model, LlamaModel::KvCache cache, torch::Tensor keyMask) {
    struct State {
        LlamaModel::KvCache cache;
        torch::Tensor keyMask;
    };
    auto state = std::make_shared<State>(State{std::move(cache), std::move(keyMask)});
    return [&model, state](const torch::Tensor& ids) {
        auto& mask = state->keyMask;
        if (mask.defined()) mask = torch::cat({mask, torch::ones({ids.size(0), ids.size(1)}, mask.options())}, 1);
        return model.lastLogits(ids, &state->cache, mask);
    };
}

// The decode step of a Llama model: the prompt through LlamaModel (its KV cache), then each token through
// llamaStepAfterPrompt. `keyMask` [B,P]: the left-padded prompts' real positions (undefined: no padding);
// `newTokens`: how many tokens the loop may draw, so the positions the step must hold. Only the last
// position's logits: a prompt's [T,V] would be 2.4 GB for 4k tokens of Qwen2's vocabulary.
DecodeStep llamaDecodeStep(const LlamaModel& model, int newTokens, torch::Tensor keyMask) {
    auto next = std::make_shared<DecodeStep>();  // set by the prompt's call
    const auto mask = keyMask.defined() ? keyMask.to(torch::kBool) : keyMask;
    return [&model, next, mask, newTokens](const torch::Tensor& ids) {
        if (*next) return (*next)(ids);
        const int64_t B = ids.size(0), T = ids.size(1);
        LlamaModel::KvCache cache;
        auto logits = model.lastLogits(ids, &cache, mask);
        if (newTokens <= 1) {  // nothing more will be fed: no decoder worth building
            *next = cachedStep(model, std::move(cache), mask);
            return logits;
        }
        std::vector<int64_t> firstReal(static_cast<size_t>(B), 0);  // padding before each row's prompt
        if (mask.defined())
            for (int64_t b = 0; b < B; ++b) firstReal[static_cast<size_t>(b)] = T - mask[b].sum().item<int64_t>();
        // The loop feeds at most newTokens − 1 more tokens after the prompt.
        *next = llamaStepAfterPrompt(model, std::move(cache), T + newTokens - 1, firstReal, mask);
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

DecodeStep llamaStepAfterPrompt(const LlamaModel& model, LlamaModel::KvCache cache, int64_t capacity,
                                const std::vector<int64_t>& firstReal, torch::Tensor keyMask) {
    // Dynamic NTK frequencies change with each step past max_position_embeddings: only LlamaModel's own
    // step follows them (the decoders below rotate by fixed frequencies).
    const LlamaConfig& c = model.config();
    if (c.ropeScaling.type == "dynamic" && capacity > c.maxPositions) return cachedStep(model, std::move(cache), std::move(keyMask));
    if (LlamaCpuDecoder::available(model)) {
        auto decoder = std::make_shared<LlamaCpuDecoder>(model, cache, capacity, firstReal);
        return [decoder](const torch::Tensor& ids) { return decoder->step(ids.contiguous().data_ptr<int64_t>()); };
    }
    if (LlamaStaticDecoder::capturable(model))
        if (std::shared_ptr<LlamaStaticDecoder> graph = capturedOrNull(model, cache, capacity, firstReal))
            return [graph](const torch::Tensor& ids) { return graph->step(ids); };
    return cachedStep(model, std::move(cache), std::move(keyMask));
}

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
