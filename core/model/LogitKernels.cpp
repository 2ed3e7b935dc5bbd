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

}  // namespace

RLHF_CLONES LogSumExp rowLogSumExp(const float* x, int64_t n, float s) { return logSumExp(x, n, s); }
RLHF_CLONES LogSumExp rowLogSumExp(const uint16_t* x, int64_t n, float s) { return logSumExp(x, n, s); }

RLHF_CLONES void rowSoftmaxTimes(const float* x, int64_t n, float s, LogSumExp lse, float c, float* grad) {
    softmaxTimes(x, n, s, lse, c, grad);
}

RLHF_CLONES void rowSoftmaxTimes(const uint16_t* x, int64_t n, float s, LogSumExp lse, float c, uint16_t* grad) {
    softmaxTimes(x, n, s, lse, c, grad);
}

}  // namespace rlhf::model::cpu
