#pragma once
// CUDA kernels of the fused token log-prob (cross-entropy) function, behind a plain C++ interface so
// that only this pair is compiled by nvcc and nothing here needs LibTorch's headers. The caller
// (CudaTokenLogProbs.cpp) passes device pointers and the current stream.
//
// Logits are N rows of `rowStride` elements of which the first `vocab` are real (the rest, padding of the
// vocabulary matmul, are ignored and get a zero gradient). Everything is computed in float32.

#include <cstdint>

namespace rlhf::model::cuda {

enum class LogitType { Float32, BFloat16, Float16 };

// For each row i: shift[i] = max_j s x[i,j], logSum[i] = log sum_j exp(s x[i,j] - shift[i]) (written as
// rowStats[2i], rowStats[2i+1]) and logp[i] = s x[i,t_i] - shift[i] - logSum[i] (NaN when t_i is not in
// [0, vocab)).
void launchRowLogSumExp(const void* logits, LogitType type, int64_t rows, int64_t vocab, int64_t rowStride,
                        float scale, const int64_t* targets, float* rowStats, float* logp, void* stream);

// grad[i,j] = g_i s (onehot(t_i)_j - softmax(s x_i)_j) for j < vocab, 0 for vocab <= j < rowStride;
// gradient rows have the logits' type and stride.
void launchTokenLogProbsBackward(const void* logits, LogitType type, int64_t rows, int64_t vocab, int64_t rowStride,
                                 float scale, const int64_t* targets, const float* rowStats, const float* upstream,
                                 void* grad, void* stream);

}  // namespace rlhf::model::cuda
