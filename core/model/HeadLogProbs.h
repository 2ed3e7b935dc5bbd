#pragma once
// The output layer and the chosen tokens' log-probabilities without gradients (scoring, validation),
// a block of rows at a time on the CPU: each block of logits is made and turned into log-probs while it is
// in cache, and no more than one block (~16 MB, or 256 rows if those are more) of logits exists at a
// time. Made whole, the logits of 8 sequences of 1,024 tokens over GPT-2's 50,257-token vocabulary take 1.6 GB.
//
// With gradients the logits are made whole (Gpt2Model::lossLogits and tokenLogProbs): the backward pass
// needs them, and doing the three vocabulary products in blocks was no faster on the CPU (small preset,
// float32: 96.5 ms whole against 97.5-106 ms in blocks of 1,024 to 128 rows for the two backward products).
// RLHF_NO_CPU_HEAD_KERNEL=1 switches this off too.

#include <cstdint>

#include <torch/types.h>

namespace rlhf::model {

// Whether headTokenLogProbs takes these: CPU tensors, a float32 weight, float32 or bfloat16 hidden states, and
// no gradient wanted (grad mode off, or neither requires it); not with RLHF_NO_CPU_HEAD_KERNEL or
// RLHF_NO_CPU_LOSS_KERNEL set.
bool headKernelTakes(const torch::Tensor& hidden, const torch::Tensor& weight);

// hidden [N,C], weight [V,C] (the output layer: logits = hidden weightᵀ), targets [N] in [0,V)
// (std::invalid_argument otherwise) -> [N] float32 log softmax(hidden weightᵀ / temperature)[targets], not
// differentiable. Under CPU bf16 autocast the products run in bf16, as the output layer's matmul would,
// and the log-probs in float32 from the bf16 logits.
torch::Tensor headTokenLogProbs(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                double temperature = 1.0);

}  // namespace rlhf::model
