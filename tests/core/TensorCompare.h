#pragma once
// Tensor comparisons shared by the kernel and training tests. Include after <torch/torch.h>.

#include <torch/torch.h>

#include <vector>

namespace rlhf::test {

// Largest absolute elementwise difference, computed in float64 (so float32, bfloat16 and float64
// tensors compare directly).
inline double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

// Each tensor flattened to one dimension, detached, in float64 (torch::cat joins them for maxDifference).
inline std::vector<torch::Tensor> flatTensors(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> out;
    for (const auto& t : tensors) out.push_back(t.detach().to(torch::kFloat64).reshape({-1}));
    return out;
}

// Every value of the tensors, in order, as float32: two trainings compare bit for bit with QCOMPARE.
inline std::vector<float> flatValues(const std::vector<torch::Tensor>& tensors) {
    std::vector<float> out;
    for (const auto& t : tensors) {
        auto c = t.detach().to(torch::kFloat32).contiguous().view({-1});
        out.insert(out.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    }
    return out;
}

}  // namespace rlhf::test
