#pragma once
// The row loops of a fused token log-probability on the CPU, shared by TokenLogProbs (logits given) and
// HeadLogProbs (logits made a block of rows at a time): per row, the log-sum-exp and the chosen token's
// log-probability; back, the gradient row. Rows run in parallel (at::parallel_for).

#include <cstdint>

#include <torch/types.h>

#include "model/cpu/LogitKernels.h"

namespace rlhf::model::cpu {

// The rows' log-sum-exps kept between forward and backward: lse [n,2] float32 as n (shift, logSum) pairs.
inline LogSumExp* lseRows(const torch::Tensor& lse) {
    static_assert(sizeof(LogSumExp) == 2 * sizeof(float));
    return reinterpret_cast<LogSumExp*>(lse.data_ptr<float>());
}

// logits [n,V] contiguous float32 or bfloat16 (rowKernelType), targets [n] in [0,V), s = 1 / temperature.
// Writes lse[i] (log sum_j exp(s x_ij) as shift + logSum) and logp[i] = log softmax(s x_i)[targets[i]].
void logProbRows(const torch::Tensor& logits, const int64_t* targets, float s, LogSumExp* lse, float* logp);

// d(sum_i upstream_i logp_i)/d logits into grad [n,V] (contiguous, the logits' type): row i is
// upstream_i * s * (onehot(targets[i]) - softmax(s x_i)), from the lse that logProbRows wrote.
void logProbGradientRows(const torch::Tensor& logits, const int64_t* targets, float s, const LogSumExp* lse,
                         const float* upstream, torch::Tensor& grad);

}  // namespace rlhf::model::cpu
