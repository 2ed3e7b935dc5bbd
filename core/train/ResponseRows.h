#pragma once
// A prompt and a response as one training row, and rows as padded micro-batches: what SFT learns from
// and what DPO compares. Prompt and response are tokenised apart and joined (as `rlhf score` joins
// them), EOS appended; the targets are the response's tokens and that EOS. A row longer than
// maxLength + 1 tokens keeps its start (TRL's keep_start): the prompt and the response's beginning.

#include <cstdint>
#include <optional>
#include <vector>

#include <torch/types.h>

#include "model/CausalLm.h"

namespace rlhf::train {

struct ResponseRow {
    std::vector<int> ids;      // prompt + response + EOS, perhaps cut
    int64_t promptLength = 0;  // ids[promptLength..] are the response's
};

// maxLength: the positions the model sees (a row has at most maxLength + 1 tokens). An empty prompt
// becomes EOS, GPT-2's beginning of text, so that the response's first token is predicted from something.
// nullopt when the prompt leaves no response token in the row; `truncated` tells whether it was cut.
std::optional<ResponseRow> makeResponseRow(std::vector<int> prompt, const std::vector<int>& response, int eos,
                                           int64_t maxLength, bool& truncated);

// The positions a row may use: `configured`, or the model's context when 0; std::invalid_argument past it.
// A model without a context limit (a Mamba: nullopt) takes `configured`, or as many as the memory check
// assumed (kMambaEstimateContext) when 0.
int64_t responseRowLength(int64_t configured, std::optional<int64_t> context);

// Token rows right-padded with padId: ids [B, longest] int64 and each row's last position [B], on the CPU.
struct PaddedRows {
    torch::Tensor ids, last;
};
PaddedRows padRows(const std::vector<std::vector<int>>& rows, int padId);

// A micro-batch: input [B,T], right-padded (causal attention keeps padding out of every real position);
// target [B,T], the next token where it is the response's and -1 elsewhere (prompt, padding). The
// padding's id is irrelevant: padding is never a target, while the EOS that ends a response always is.
struct ResponseBatch {
    torch::Tensor input, target;  // int64, on the CPU
    int64_t lossTokens = 0;       // targets that are not -1
    int64_t positions = 0;        // B*T
};
ResponseBatch makeResponseBatch(const std::vector<ResponseRow>& rows, const std::vector<size_t>& pick, int padId);

// [B] float32: each row's sum of logProbs [B,T] over the positions whose target is >= 0; differentiable.
torch::Tensor targetedSums(const torch::Tensor& logProbs, const torch::Tensor& target);

// [B] float32: each row's summed log-probability of its targets (those >= 0); differentiable.
torch::Tensor responseLogProbSums(model::CausalLm& model, const torch::Tensor& input, const torch::Tensor& target);

}  // namespace rlhf::train
