#pragma once
// The linear recurrence at the heart of Mamba, s_t = a_t ⊙ s_(t−1) + x_t, for every position, as one
// differentiable operation. Written as a loop of tensor operations, autograd records four nodes per
// position and the training step of a small model spends most of its time there; here the forward pass
// is one sweep over the positions and the backward pass one sweep back:
//   g_t = ∂L/∂s_t + a_(t+1) ⊙ g_(t+1),   ∂L/∂x_t = g_t,   ∂L/∂a_t = g_t ⊙ s_(t−1),   ∂L/∂s_(−1) = a_0 ⊙ g_0.
// On the CPU each sweep is a plain loop over contiguous float32 rows, parallel over batch rows and
// blocks of lanes. On other devices it is a parallel prefix scan in tensor operations: ⌈log2 T⌉ rounds of
// a few whole-tensor operations each (O(T log T) work), where a loop over positions would launch T rounds
// of kernels one after another; `byTensorOps` runs that path on the CPU too (the tests compare the two).
// Shapes: decay a and input x [B,T,I,N] float32, initial s_(−1) [B,I,N] float32 -> states [B,T,I,N].

#include <torch/types.h>

namespace rlhf::model {

torch::Tensor selectiveScanStates(const torch::Tensor& decay, const torch::Tensor& input, const torch::Tensor& initial,
                                  bool byTensorOps = false);

}  // namespace rlhf::model
