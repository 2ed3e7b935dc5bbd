#pragma once
// Generation with a Llama-family model: `count` completions of one prompt decoded together (the prompt
// repeated, so no padding or mask), or one of each of several prompts (left-padded and masked), with the KV cache, the sampling of Generation.h (greedy, temperature,
// top-k, top-p, a seed), streaming, cancellation, and a stop at any EOS id of the model's config or of
// `extraStopIds` (a chat format's end-of-turn token). Runs in inference mode on the model's device.

#include <atomic>
#include <vector>

#include "model/Generation.h"
#include "model/LlamaModel.h"
#include "model/RecurrentDecoding.h"

namespace rlhf::model {

// The decode step after a prompt already in `cache` (cache.length positions; row b's real tokens from
// firstReal[b]; keyMask [B,cache.length] bool where rows are padded, else undefined): each call feeds one
// token per row ([B,1] int64 on the model's device) and returns the logits [B,1,V]. Through
// LlamaCpuDecoder where one applies (a float32 or bf16 model on the CPU), a captured CUDA graph
// (LlamaStaticDecoder) on a GPU, op by op with a warning if its capture fails, else LlamaModel's cached
// step. `capacity` > cache.length: the positions it must hold. The model must outlive the step.
DecodeStep llamaStepAfterPrompt(const LlamaModel& model, LlamaModel::KvCache cache, int64_t capacity,
                                const std::vector<int64_t>& firstReal, torch::Tensor keyMask = {});

// Throws std::invalid_argument for an empty prompt.
std::vector<Completion> generateLlama(const LlamaModel& model, const std::vector<int>& prompt, int count,
                                      const SamplingOptions& options, const TokenCallback& onToken = {},
                                      const std::atomic<bool>* cancel = nullptr, const std::vector<int>& extraStopIds = {},
                                      const LogitsCallback& onLogits = {});

// One completion of each of `prompts` (different lengths), decoded together: left-padded to the longest
// with the padding masked (LlamaModel's key mask), sampled from the one seed of `options`. Greedy, it
// gives each prompt what generateLlama gives it alone. Throws std::invalid_argument for an empty prompt.
std::vector<Completion> generateLlamaBatch(const LlamaModel& model, const std::vector<std::vector<int>>& prompts,
                                           const SamplingOptions& options, const std::vector<int>& extraStopIds = {});

}  // namespace rlhf::model
