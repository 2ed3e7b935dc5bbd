#pragma once
// Causal self-attention for float32 CPU training and prefill from position 0, in one autograd function
// (LibTorch 1.x; LibTorch 2 uses scaled_dot_product_attention): per (batch, head) the scores below the
// diagonal only, their softmax and the weighted values, without the batched matrix products over the
// full [T,T] square that LibTorch runs, and the backward likewise (AttentionKernels).

#include <torch/types.h>

namespace rlhf::model {

// q, k, v [B,H,T,D] float32 on the CPU, the last dimension contiguous; RLHF_NO_CPU_ATTENTION_KERNEL unset.
bool fusedCausalAttentionAvailable(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v);

// y [B,H,T,D]: y_t = sum_{j<=t} softmax_j(scale q_t . k_j) v_j, differentiable in q, k and v. The result is a
// view of a contiguous [B,T,H,D] tensor, so y.transpose(1, 2) needs no copy.
torch::Tensor causalAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale);

}  // namespace rlhf::model
