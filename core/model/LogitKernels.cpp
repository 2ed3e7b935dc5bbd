#include "model/LogitKernels.h"

#include <cmath>
#include <limits>

#include "model/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

using simd::Vec16;

template <typename T>
RLHF_INLINE LogSumExp logSumExp(const T* x, int64_t n, float s) {
    // Pass 1: the largest scaled logit (NaN lanes are skipped here and surface in pass 2).
    Vec16 top = Vec16{} - std::numeric_limits<float>::infinity();
    int64_t j = 0;
    for (; j + 16 <= n; j += 16) {
        const Vec16 v = simd::load(x + j) * s;
        top = v > top ? v : top;
    }
    float m = simd::max(top);
    for (; j < n; ++j) m = std::max(m, simd::toFloat(x[j]) * s);
    if (std::isinf(m)) return {m, 0.0f};  // all -inf (log 0) or some +inf: the log-probs become NaN
    // Pass 2: sum of e^(s x - m), in 16 partial sums.
    Vec16 total = {};
    for (j = 0; j + 16 <= n; j += 16) total += simd::exp(simd::load(x + j) * s - m);
    float rest = 0;
    for (; j < n; ++j) rest += std::exp(simd::toFloat(x[j]) * s - m);
    return {m, std::log(simd::sum(total) + rest)};
}

template <typename T>
RLHF_INLINE void softmaxTimes(const T* x, int64_t n, float s, LogSumExp lse, float c, T* grad) {
    int64_t j = 0;
    for (; j + 16 <= n; j += 16)
        simd::store(grad + j, simd::exp((simd::load(x + j) * s - lse.shift) - lse.logSum) * c);
    for (; j < n; ++j) simd::fromFloat(c * std::exp((simd::toFloat(x[j]) * s - lse.shift) - lse.logSum), grad + j);
}

template <typename T>
RLHF_INLINE void softmax(const T* x, int64_t n, int64_t width, float s, T* out) {
    const LogSumExp lse = logSumExp(x, n, s);
    softmaxTimes(x, n, s, lse, 1.0f, out);
    for (int64_t j = n; j < width; ++j) simd::fromFloat(0.0f, out + j);
}

template <typename T>
RLHF_INLINE void softmaxBackward(const T* y, const T* dy, int64_t n, int64_t width, float s, T* dx) {
    Vec16 acc = {};
    int64_t j = 0;
    for (; j + 16 <= n; j += 16) acc += simd::load(y + j) * simd::load(dy + j);
    float dot = simd::sum(acc);
    for (; j < n; ++j) dot += simd::toFloat(y[j]) * simd::toFloat(dy[j]);
    for (j = 0; j + 16 <= n; j += 16) simd::store(dx + j, simd::load(y + j) * (simd::load(dy + j) - dot) * s);
    for (; j < n; ++j) simd::fromFloat(simd::toFloat(y[j]) * (simd::toFloat(dy[j]) - dot) * s, dx + j);
    for (; j < width; ++j) simd::fromFloat(0.0f, dx + j);
}

}  // namespace

RLHF_CLONES void rowSoftmax(const float* x, int64_t n, int64_t width, float s, float* out) { softmax(x, n, width, s, out); }
RLHF_CLONES void rowSoftmax(const uint16_t* x, int64_t n, int64_t width, float s, uint16_t* out) {
    softmax(x, n, width, s, out);
}

RLHF_CLONES void rowSoftmaxBackward(const float* y, const float* dy, int64_t n, int64_t width, float s, float* dx) {
    softmaxBackward(y, dy, n, width, s, dx);
}
RLHF_CLONES void rowSoftmaxBackward(const uint16_t* y, const uint16_t* dy, int64_t n, int64_t width, float s,
                                    uint16_t* dx) {
    softmaxBackward(y, dy, n, width, s, dx);
}

RLHF_CLONES LogSumExp rowLogSumExp(const float* x, int64_t n, float s) { return logSumExp(x, n, s); }
RLHF_CLONES LogSumExp rowLogSumExp(const uint16_t* x, int64_t n, float s) { return logSumExp(x, n, s); }

RLHF_CLONES void rowSoftmaxTimes(const float* x, int64_t n, float s, LogSumExp lse, float c, float* grad) {
    softmaxTimes(x, n, s, lse, c, grad);
}

RLHF_CLONES void rowSoftmaxTimes(const uint16_t* x, int64_t n, float s, LogSumExp lse, float c, uint16_t* grad) {
    softmaxTimes(x, n, s, lse, c, grad);
}

}  // namespace rlhf::model::cpu
