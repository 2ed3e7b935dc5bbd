#pragma once
// One decoded position of Mamba's mixer on the CPU, its elementwise parts fused (MambaMixer's decode step):
// the convolution window and its SiLU in one pass over [B,I], then the selection's softplus, the scan step
// s = exp(Δ A) ⊙ s + Δ B u, y = C · s + D u and the gate in one pass over [B,I,N]. The four products
// (in_proj, x_proj, dt_proj, out_proj) stay LibTorch's; between them these replace ~25 LibTorch operations,
// whose dispatch was most of a small model's step. Float32, contiguous tensors, no autograd (inference).
// RLHF_NO_MAMBA_DECODE_KERNEL=1 switches it off (MambaMixer's whole-sequence path then runs for T = 1 too).

#include <torch/types.h>

namespace rlhf::model::cpu {

// window [B,I,K−1] (the last K−1 inputs, updated in place to end with x), x [B,I] (in_proj's first half, may
// be a strided view), weight [I,1,K], bias [I] or undefined → u [B,I] = SiLU(bias + Σ_k weight·[window, x]).
torch::Tensor mambaConvolutionStep(torch::Tensor& window, const torch::Tensor& x, const torch::Tensor& weight,
                                   const torch::Tensor& bias);

// u [B,I], dtRaw [B,I] (dt_proj's output before softplus), b, c [B,N] (strided views allowed), negA [I,N] = −exp(A_log),
// d [I], z [B,I] (the gate) → y [B,I] = (C · s + D u) ⊙ SiLU(z); ssm [B,I,N] advanced in place.
torch::Tensor mambaScanStep(const torch::Tensor& u, const torch::Tensor& dtRaw, const torch::Tensor& b, const torch::Tensor& c,
                            const torch::Tensor& negA, const torch::Tensor& d, const torch::Tensor& z, torch::Tensor& ssm);

}  // namespace rlhf::model::cpu
