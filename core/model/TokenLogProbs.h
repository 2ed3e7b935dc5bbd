#pragma once
// Log-probabilities of chosen tokens under softmax(logits / temperature), the quantity every training
// loss of the workbench is made of: next-token cross-entropy (pretraining, SFT), the summed response
// log-probs of DPO and the per-token log-probs of PPO and `rlhf score`.
//
// On the CPU, for float32 and bfloat16 logits, one fused autograd function computes each row's
// log-sum-exp in float32 directly from the logits, and its gradient row straight into the logits' type:
// no float32 copy, log-softmax or one-hot gradient of all N x V logits is materialised (those [N, V]
// tensors take more time than the vocabulary matmul itself in a small model's step). On CUDA, where
// the build has its kernels (RLHF_CUDA_KERNELS), the same function runs as two CUDA kernels
// (cuda/TokenLogProbsKernels.cu). Elsewhere (CPU float16, RLHF_NO_CPU_LOSS_KERNEL=1 or
// RLHF_NO_CUDA_LOSS_KERNEL=1) it is log_softmax in float32 and a gather.
//
// The logits may have more columns than the vocabulary (Gpt2Model::lossLogits pads them on CUDA): pass the
// real vocabulary size and the columns past it are ignored, with a zero gradient.

#include <cstdint>

#include <torch/types.h>

namespace rlhf::model {

// logits [N,W] (float32, bfloat16 or float16; any device), targets [N] int64 in [0,V) (std::invalid_argument
// otherwise, checked for CPU targets), V = vocabSize <= W (-1: V = W)
// -> [N] float32: log softmax(logits[i, :V] / temperature)[targets[i]], differentiable in logits.
torch::Tensor tokenLogProbs(const torch::Tensor& logits, const torch::Tensor& targets, double temperature = 1.0,
                            int64_t vocabSize = -1);

// Throws std::invalid_argument when a target is outside [0, vocab); checked for CPU targets only (on a GPU
// it would wait for the device).
void checkTargetRange(const torch::Tensor& targets, int64_t vocab);

enum class LossReduction { Mean, Sum };

// Next-token cross-entropy: -log p(targets[i]) over the rows whose target is not ignoreIndex, averaged
// over those rows (Mean; NaN when there are none, like torch) or summed. logits [N,W], targets [N],
// vocabSize as for tokenLogProbs.
torch::Tensor tokenCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets,
                                LossReduction reduction = LossReduction::Mean, int64_t ignoreIndex = -100,
                                int64_t vocabSize = -1);

}  // namespace rlhf::model
