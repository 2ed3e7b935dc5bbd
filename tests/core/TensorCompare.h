#pragma once
// Tensor comparisons shared by the kernel tests. Include after <torch/torch.h>.

#include <torch/torch.h>

namespace rlhf::test {

// Largest absolute elementwise difference, computed in float64 (so float32, bfloat16 and float64
// tensors compare directly).
inline double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

}  // namespace rlhf::test
