#pragma once
// Row loops over logits for the fused log-probability of TokenLogProbs: one row is a vocabulary of n
// logits, float32 or bfloat16 (given as its bit patterns), scaled by s (1 / temperature). Vectorised for
// the CPU they run on (an AVX-512, AVX2 or SSE copy, SimdLanes.h); no allocation, no threads.

#include <cstdint>

namespace rlhf::model::cpu {

// log(sum_j exp(s * x[j])) = shift + logSum, computed in float32 like torch's log_softmax: shift is the
// largest s * x[j], and log-probabilities are formed as (s * x - shift) - logSum, which keeps their
// precision when the logits are large.
struct LogSumExp {
    float shift = 0;
    float logSum = 0;
};
LogSumExp rowLogSumExp(const float* x, int64_t n, float s);
LogSumExp rowLogSumExp(const uint16_t* x, int64_t n, float s);

// grad[j] = c * exp((s * x[j] - shift) - logSum) for every j (written in the row's own type): the
// softmax part of the gradient of a log-probability (c = -upstream * s); the caller adds the target's
// one-hot part.
void rowSoftmaxTimes(const float* x, int64_t n, float s, LogSumExp lse, float c, float* grad);
void rowSoftmaxTimes(const uint16_t* x, int64_t n, float s, LogSumExp lse, float c, uint16_t* grad);

// Causal attention rows (CausalSoftmax): a row of `width` scores of which the first n are visible.
// out[j] = softmax(s * x[0..n))[j] for j < n and 0 for n <= j < width, in the row's type.
void rowSoftmax(const float* x, int64_t n, int64_t width, float s, float* out);
void rowSoftmax(const uint16_t* x, int64_t n, int64_t width, float s, uint16_t* out);

// The gradient of that row: dx[j] = s * y[j] * (dy[j] - sum_k dy[k] y[k]) for j < n, 0 beyond.
void rowSoftmaxBackward(const float* y, const float* dy, int64_t n, int64_t width, float s, float* dx);
void rowSoftmaxBackward(const uint16_t* y, const uint16_t* dy, int64_t n, int64_t width, float s, uint16_t* dx);

}  // namespace rlhf::model::cpu
