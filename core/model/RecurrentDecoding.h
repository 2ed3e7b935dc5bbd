#pragma once
// The decode loop of models that keep their own per-sequence state (a Llama KV cache, Mamba's recurrent
// state): `count` completions of one prompt decoded together (the prompt repeated, so no padding or mask),
// the sampling of Generation.h (greedy, temperature, top-k, top-p, a seed), streaming, cancellation, and a
// stop at any of `stopIds` (when options.stopAtEos). `step` feeds ids [B,T] on the model's device —
// the prompt first, then one token per row — and returns the logits [B,T,V] of those positions, its state
// advanced past them. Runs in inference mode.

#include <atomic>
#include <functional>
#include <vector>

#include "model/Generation.h"

namespace rlhf::model {

using DecodeStep = std::function<torch::Tensor(const torch::Tensor& ids)>;

// Prompts of different lengths right-aligned in one batch on `device`: ids [B,L] int64 (0 before a row's
// first token), real [B,L] int64 (1 on its tokens, 0 on the padding). Throws std::invalid_argument for an
// empty prompt.
struct LeftPaddedPrompts {
    torch::Tensor ids, real;
};
LeftPaddedPrompts leftPadPrompts(const std::vector<std::vector<int>>& prompts, const torch::Device& device);

// The loop itself, from `input` [B,P] on the model's device: the first ids fed to `step` (a prompt
// repeated, or prompts left-padded when `step` masks the padding).
std::vector<Completion> decodeFrom(const DecodeStep& step, torch::Tensor input, const SamplingOptions& options,
                                   const std::vector<int>& stopIds, const TokenCallback& onToken = {},
                                   const std::atomic<bool>* cancel = nullptr, const LogitsCallback& onLogits = {});

// Throws std::invalid_argument for an empty prompt.
std::vector<Completion> decodeRecurrently(const DecodeStep& step, const torch::Device& device, const std::vector<int>& prompt,
                                          int count, const SamplingOptions& options, const std::vector<int>& stopIds,
                                          const TokenCallback& onToken = {}, const std::atomic<bool>* cancel = nullptr,
                                          const LogitsCallback& onLogits = {});

}  // namespace rlhf::model
