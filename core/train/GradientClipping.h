#pragma once
// Global-norm gradient clipping that never reads the norm on the host. torch's clip_grad_norm_ returns
// the norm as a double and decides on the host whether to scale, which stalls a GPU once per step; here
// the norm stays a device scalar and AdamW divides the gradients by clipDivisor(norm) inside its update.

#include <vector>

#include <torch/types.h>

namespace rlhf::train {

// The L2 norm of all the parameters' gradients together (those without a gradient are skipped): a float32
// scalar on their device, 0 when no parameter has a gradient.
torch::Tensor gradientNorm(const std::vector<torch::Tensor>& parameters);

// max(1, (norm + 1e-6) / maxNorm): dividing the gradients by it is clip_grad_norm_(maxNorm)'s scaling by
// min(1, maxNorm / (norm + 1e-6)). A float32 scalar on the norm's device.
torch::Tensor clipDivisor(const torch::Tensor& norm, double maxNorm);

}  // namespace rlhf::train
