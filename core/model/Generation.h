#pragma once
// Autoregressive generation with a preallocated KV cache: batches of prompts left-padded with an
// attention mask, temperature / top-k / top-p sampling or greedy, a seed, stop at EOS, a per-token
// streaming callback and cancellation. K samples of one prompt = the prompt repeated K times.

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "model/Gpt2Model.h"

namespace rlhf::model {

struct SamplingOptions {
    int maxNewTokens = 64;
    double temperature = 1.0;  // logits are divided by it
    int topK = 0;              // 0: no top-k filter
    double topP = 1.0;         // 1: no nucleus filter
    bool greedy = false;       // argmax; ignores temperature/top-k/top-p
    uint64_t seed = 0;
    bool stopAtEos = true;
};

struct Completion {
    std::vector<int> ids;  // new tokens only (EOS included when generated)
    bool endedWithEos = false;
};

// Called after each step with (sequence index, token id); return false to stop that whole call.
using TokenCallback = std::function<bool(size_t sequence, int token)>;
// Called each step, before that step's tokens reach the TokenCallback, with the logits [B,V] they are
// picked from (the model's, before temperature and filters): the Chat panel's token probabilities.
using LogitsCallback = std::function<void(const torch::Tensor& lastLogits)>;

// Runs under NoGrad in eval mode on the model's device. Throws std::invalid_argument for an empty
// prompt or a prompt that leaves no room in the context.
std::vector<Completion> generate(Gpt2Model& model, const std::vector<std::vector<int>>& prompts,
                                 const SamplingOptions& options, const TokenCallback& onToken = {},
                                 const std::atomic<bool>* cancel = nullptr, const LogitsCallback& onLogits = {});

// One draw per row of probs [B,V] (rows need not sum to 1), on their device: the argmax of p / E with
// E ~ Exp(1) from `generator`. torch::multinomial(probs, 1) draws the same way (the same tokens for the
// same generator state), after two validity checks that each wait for the GPU: a stall per token.
torch::Tensor sampleOnePerRow(const torch::Tensor& probs, c10::optional<at::Generator> generator = c10::nullopt);

// logits [B,V] float -> filtered logits (-inf outside top-k / nucleus).
torch::Tensor filterTopKTopP(torch::Tensor logits, int topK, double topP);

// The next token of each row of lastLogits [B,V] as `o` says: argmax, or a draw after temperature and the
// filters (on CUDA from the default CUDA generator, on the CPU from `cpuGenerator`). Returns [B] on the
// logits' device.
torch::Tensor pickTokens(const torch::Tensor& lastLogits, const SamplingOptions& o, at::Generator& cpuGenerator);

// Appends a step's tokens (one per row) to the rows still going, streams them, and ends a row at any of
// `eosIds`. Returns false when the callback asked to stop.
bool recordTokens(const int64_t* tokens, std::vector<Completion>& out, std::vector<char>& finished,
                  const std::vector<int>& eosIds, const TokenCallback& onToken);

}  // namespace rlhf::model
