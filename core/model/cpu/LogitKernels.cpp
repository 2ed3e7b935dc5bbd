#include "model/cpu/LogitKernels.h"

#include <cmath>
#include <limits>

#include "model/cpu/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

template <typename V, typename T>
RLHF_INLINE LogSumExp logSumExp(const T* x, int64_t n, float s) {
    constexpr int L = simd::lanes<V>;
    // Pass 1: the largest scaled logit (NaN lanes are skipped here and surface in pass 2).
    V top = V{} - std::numeric_limits<float>::infinity();
    int64_t j = 0;
    for (; j + L <= n; j += L) {
        const V v = simd::load<V>(x + j) * s;
        top = v > top ? v : top;
    }
    float m = simd::max(top);
    for (; j < n; ++j) m = std::max(m, simd::toFloat(x[j]) * s);
    if (std::isinf(m)) return {m, 0.0f};  // all -inf (log 0) or some +inf: the log-probs become NaN
    // Pass 2: sum of e^(s x - m), in L partial sums.
    V total = {};
    for (j = 0; j + L <= n; j += L) total += simd::exp(simd::load<V>(x + j) * s - m);
    float rest = 0;
    for (; j < n; ++j) rest += std::exp(simd::toFloat(x[j]) * s - m);
    return {m, std::log(simd::sum(total) + rest)};
}

template <typename V, typename T>
RLHF_INLINE void softmaxTimes(const T* x, int64_t n, float s, LogSumExp lse, float c, T* grad) {
    constexpr int L = simd::lanes<V>;
    int64_t j = 0;
    for (; j + L <= n; j += L)
        simd::store(grad + j, simd::exp((simd::load<V>(x + j) * s - lse.shift) - lse.logSum) * c);
    for (; j < n; ++j) simd::fromFloat(c * std::exp((simd::toFloat(x[j]) * s - lse.shift) - lse.logSum), grad + j);
}

template <typename V, typename T>
RLHF_INLINE void softmax(const T* x, int64_t n, int64_t width, float s, T* out) {
    const LogSumExp lse = logSumExp<V>(x, n, s);
    softmaxTimes<V>(x, n, s, lse, 1.0f, out);
    for (int64_t j = n; j < width; ++j) simd::fromFloat(0.0f, out + j);
}

template <typename V, typename T>
RLHF_INLINE void softmaxBackward(const T* y, const T* dy, int64_t n, int64_t width, float s, T* dx) {
    constexpr int L = simd::lanes<V>;
    V acc = {};
    int64_t j = 0;
    for (; j + L <= n; j += L) acc += simd::load<V>(y + j) * simd::load<V>(dy + j);
    float dot = simd::sum(acc);
    for (; j < n; ++j) dot += simd::toFloat(y[j]) * simd::toFloat(dy[j]);
    for (j = 0; j + L <= n; j += L) simd::store(dx + j, simd::load<V>(y + j) * (simd::load<V>(dy + j) - dot) * s);
    for (; j < n; ++j) simd::fromFloat(simd::toFloat(y[j]) * (simd::toFloat(dy[j]) - dot) * s, dx + j);
    for (; j < width; ++j) simd::fromFloat(0.0f, dx + j);
}

// The entry points' templates, one per row type (float32 or bfloat16 bits), for RLHF_VECTOR_KERNEL.
template <typename V, typename T>
RLHF_INLINE void rowSoftmaxLanes(const T* x, int64_t n, int64_t width, float s, T* out) {
    softmax<V>(x, n, width, s, out);
}
template <typename V, typename T>
RLHF_INLINE void rowSoftmaxBackwardLanes(const T* y, const T* dy, int64_t n, int64_t width, float s, T* dx) {
    softmaxBackward<V>(y, dy, n, width, s, dx);
}
template <typename V, typename T>
RLHF_INLINE LogSumExp rowLogSumExpLanes(const T* x, int64_t n, float s) {
    return logSumExp<V>(x, n, s);
}
template <typename V, typename T>
RLHF_INLINE void rowSoftmaxTimesLanes(const T* x, int64_t n, float s, LogSumExp lse, float c, T* grad) {
    softmaxTimes<V>(x, n, s, lse, c, grad);
}

}  // namespace

RLHF_VECTOR_KERNEL(void, rowSoftmax, (const float* x, int64_t n, int64_t width, float s, float* out), (x, n, width, s, out))
RLHF_VECTOR_KERNEL(void, rowSoftmax, (const uint16_t* x, int64_t n, int64_t width, float s, uint16_t* out),
                   (x, n, width, s, out))
RLHF_VECTOR_KERNEL(void, rowSoftmaxBackward, (const float* y, const float* dy, int64_t n, int64_t width, float s, float* dx),
                   (y, dy, n, width, s, dx))
RLHF_VECTOR_KERNEL(void, rowSoftmaxBackward,
                   (const uint16_t* y, const uint16_t* dy, int64_t n, int64_t width, float s, uint16_t* dx),
                   (y, dy, n, width, s, dx))
RLHF_VECTOR_KERNEL(LogSumExp, rowLogSumExp, (const float* x, int64_t n, float s), (x, n, s))
RLHF_VECTOR_KERNEL(LogSumExp, rowLogSumExp, (const uint16_t* x, int64_t n, float s), (x, n, s))
RLHF_VECTOR_KERNEL(void, rowSoftmaxTimes, (const float* x, int64_t n, float s, LogSumExp lse, float c, float* grad),
                   (x, n, s, lse, c, grad))
RLHF_VECTOR_KERNEL(void, rowSoftmaxTimes, (const uint16_t* x, int64_t n, float s, LogSumExp lse, float c, uint16_t* grad),
                   (x, n, s, lse, c, grad))

}  // namespace rlhf::model::cpu
