#pragma once
// GPT-2's tanh GELU as one autograd function on the CPU (ActivationKernels): a pass forward and one back
// over float32 or bfloat16 activations, saving only the input. RLHF_NO_CPU_GELU_KERNEL=1 switches it off
// (torch::gelu(x, "tanh") then).

#include <torch/types.h>

namespace rlhf::model {

// Whether geluTanh takes x: a CPU float32 or bfloat16 tensor, the switch not set.
bool geluKernelTakes(const torch::Tensor& x);

// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), differentiable; x as geluKernelTakes accepts
// (std::invalid_argument otherwise). Same shape and type as x.
torch::Tensor geluTanh(const torch::Tensor& x);

}  // namespace rlhf::model
