#pragma once
// Demonstrations as supervised fine-tuning rows (DESIGN §5 SFT): prompt and response tokenised apart and
// joined (as `rlhf score` joins them), EOS appended; the loss is on the response's tokens and that EOS
// only. A row longer than max_length + 1 tokens keeps its start (TRL's keep_start): the prompt and the
// response's beginning, without EOS. A prompt that leaves no response token inside it is skipped.

#include <cstdint>
#include <vector>

#include <torch/types.h>

#include "data/Demonstrations.h"
#include "model/Gpt2Model.h"
#include "text/ByteLevelBpe.h"

namespace rlhf::train {

struct SftExample {
    std::vector<int> ids;      // prompt + response + EOS, perhaps cut
    int64_t promptLength = 0;  // ids[promptLength..] are learned
};

struct SftExamples {
    std::vector<SftExample> rows;
    int64_t truncated = 0;  // rows cut to max_length + 1 tokens
    int64_t skipped = 0;    // demonstrations whose prompt alone fills max_length
};

// maxLength: the positions the model sees (a row has at most maxLength + 1 tokens). An empty prompt
// becomes EOS, GPT-2's beginning of text, so that the response's first token is predicted from something.
SftExamples makeSftExamples(const std::vector<data::Demonstration>& demonstrations, const text::ByteLevelBpe& tokenizer,
                            int eos, int64_t maxLength);

// A micro-batch: input [B,T], right-padded (causal attention keeps padding out of every real position);
// target [B,T], the next token where it is learned and -1 elsewhere (prompt, padding). The padding's id
// is irrelevant: padding is never learned, while the EOS that ends a response always is.
struct SftBatch {
    torch::Tensor input, target;  // int64, on the CPU
    int64_t lossTokens = 0;       // targets that are not -1
    int64_t positions = 0;        // B*T
};
SftBatch makeSftBatch(const std::vector<SftExample>& rows, const std::vector<size_t>& pick, int padId);

// Summed negative log-likelihood of the learned targets (target >= 0): a float32 scalar, differentiable.
torch::Tensor sftLossSum(model::Gpt2Model& model, const torch::Tensor& input, const torch::Tensor& target);

}  // namespace rlhf::train
