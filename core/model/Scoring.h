#pragma once
// Log-probabilities of a response given a prompt (tokenized separately, then concatenated): what
// `rlhf score`, DPO and PPO use; and the scalar head of reward models (`rlhf reward`). Logits are divided by `temperature` first (PPO scores at the
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

// Reward and value model heads: score [num_labels, C] applied to the final hidden state of each row's
// last real token by the mask (any padding side) — transformers' pooling where no real token is the pad
// id (a config's pad id inside the rows: lastNotPadding).
// ids [B,S], mask [B,S] (1 on real tokens) -> [B, num_labels]; differentiable.
torch::Tensor sequenceScores(Gpt2Model& model, const torch::Tensor& score, const torch::Tensor& ids, const torch::Tensor& mask);
// The same head on given positions: hidden [B,S,C] final hidden states, last [B] each row's position
// -> [B, num_labels] in score's type; differentiable.
torch::Tensor scoresAt(const torch::Tensor& hidden, const torch::Tensor& score, const torch::Tensor& last);
// Where transformers' *ForSequenceClassification reads each row: its last token that is not `padId`
// (position 0 when every token is), among positions up to `last` [B] (its last real token). ids [B,S]
// int64 → [B] int64 on ids' device. A row that ends in its pad id (TRL pads with EOS, and an end-of-turn
// EOS ends every chat row) is read one token early, as the model was trained; `padId` < 0: `last`.
torch::Tensor lastNotPadding(const torch::Tensor& ids, const torch::Tensor& last, int padId);
// The pad id a classifier is saved with, so that lastNotPadding reads its rows at their end: the first of
// `candidates` (the config's pad, EOS ids, BOS, in that order) that is a token id other than `endId`, the id
// every scored row ends with; else 0 or 1.
int padIdOtherThan(int endId, const std::vector<int>& candidates);

// The reward model's values for one prompt and response (tokenized separately, then concatenated):
// num_labels values, one for a reward model. Throws std::invalid_argument for an empty sequence.
std::vector<double> rewardOf(Gpt2Model& model, const torch::Tensor& score, const std::vector<int>& prompt,
                             const std::vector<int>& response);

}  // namespace rlhf::model
