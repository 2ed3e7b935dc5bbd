#pragma once
// Log-probabilities of a response given a prompt (tokenized separately, then concatenated): what
// `rlhf score`, DPO and PPO use. Logits are divided by `temperature` first (PPO scores at the
// sampling temperature).

#include <vector>

#include "model/Gpt2Model.h"

namespace rlhf::model {

struct ResponseScore {
    double sum = 0;
    std::vector<double> tokenLogprobs;  // one per response token
};

ResponseScore scoreResponse(Gpt2Model& model, const std::vector<int>& prompt, const std::vector<int>& response,
                            double temperature = 1.0);

// Batched, differentiable: ids [B,S], mask [B,S], responseMask [B,S] (1 on response tokens) ->
// per-token log-probs of ids[:,1:] [B,S-1] times responseMask[:,1:].
torch::Tensor tokenLogprobs(Gpt2Model& model, const torch::Tensor& ids, const torch::Tensor& mask,
                            const torch::Tensor& responseMask, double temperature = 1.0);

}  // namespace rlhf::model
