#pragma once
// softmax(scale * scores) over the keys each query may see, fused for the CPU attention of LibTorch
// 1.x (LibTorch 2 uses scaled_dot_product_attention): one pass per row instead of a scaling pass, a
// causal mask built and applied, and a softmax (and three passes back). Query t of T, after `past`
// cached positions, sees keys 0..past+t of S; the hidden keys get probability 0, as with a -inf mask.

#include <cstdint>

#include <torch/types.h>

namespace rlhf::model {

// Whether causalSoftmax runs fused for these scores (float32/bfloat16 on the CPU; RLHF_NO_CPU_ATTENTION_KERNEL unset).
bool fusedCausalSoftmaxAvailable(const torch::Tensor& scores);

// scores [..., T, S] (S >= past + T) -> probabilities of the same shape and type, differentiable.
// Computed in float32; elsewhere than fusedCausalSoftmaxAvailable, by LibTorch ops.
torch::Tensor causalSoftmax(const torch::Tensor& scores, double scale, int64_t past);

}  // namespace rlhf::model
