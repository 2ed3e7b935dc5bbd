#include "train/GradientClipping.h"

#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::train {

torch::Tensor gradientNorm(const std::vector<torch::Tensor>& parameters) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> grads;
    for (const auto& p : parameters)
        if (p.grad().defined()) grads.push_back(p.grad());
    if (grads.empty()) {
        const auto device = parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
        return torch::zeros({}, torch::dtype(torch::kFloat32).device(device));
    }
    // One norm per tensor in a few multi-tensor launches, then the norm of those norms.
    const auto norms = at::_foreach_norm(grads, 2);
    return torch::stack(norms).to(torch::kFloat32).norm();
}

torch::Tensor clipDivisor(const torch::Tensor& norm, double maxNorm) {
    if (!(maxNorm > 0)) throw std::invalid_argument("the clipping norm must be positive");
    return ((norm.to(torch::kFloat32) + 1e-6) / maxNorm).clamp_min(1.0);
}

}  // namespace rlhf::train
