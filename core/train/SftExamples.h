#pragma once
// Demonstrations as supervised fine-tuning rows (architecture §5 SFT; ResponseRows): the loss is on each
// response's tokens and its end id only (ResponseEncoding: plain text or the model's chat template). A
// demonstration whose prompt fills max_length is skipped.

#include <cstdint>
#include <vector>

#include "data/Demonstrations.h"
#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/ResponseEncoding.h"
#include "train/ResponseRows.h"

namespace rlhf::train {

struct SftExamples {
    std::vector<ResponseRow> rows;
    int64_t truncated = 0;  // rows cut to max_length + 1 tokens
    int64_t skipped = 0;    // demonstrations whose prompt alone fills max_length
};

SftExamples makeSftExamples(const std::vector<data::Demonstration>& demonstrations, const text::Tokenizer& tokenizer,
                            const ResponseEncoding& encoding, int64_t maxLength);

// Summed negative log-likelihood of the batch's targets: a float32 scalar, differentiable.
torch::Tensor sftLossSum(model::CausalLm& model, const torch::Tensor& input, const torch::Tensor& target);

}  // namespace rlhf::train
