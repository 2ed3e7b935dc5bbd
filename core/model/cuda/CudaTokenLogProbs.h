#pragma once
// The CUDA side of tokenLogProbs: one autograd function over the fused kernels of
// TokenLogProbsKernels.cu. Compiled only where LibTorch has CUDA and nvcc is found (RLHF_CUDA_KERNELS).

#include <cstdint>

#include <torch/types.h>

namespace rlhf::model::cuda {

// Whether the fused kernels take `logits`: a CUDA float32, bfloat16 or float16 tensor, and
// RLHF_NO_CUDA_LOSS_KERNEL is not set.
bool lossKernelTakes(const torch::Tensor& logits);

// logits [N, W] with W >= vocab (columns past vocab are ignored), targets [N] int64 on the same device
// -> [N] float32 log softmax(scale * logits[i, :vocab])[targets[i]], differentiable in logits.
torch::Tensor tokenLogProbs(const torch::Tensor& logits, const torch::Tensor& targets, double scale, int64_t vocab);

}  // namespace rlhf::model::cuda
