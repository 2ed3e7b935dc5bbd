#include "model/cpu/ActivationKernels.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "model/cpu/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kCubic = 0.044715f;

// e^x for a float or a vector of floats, the argument capped at 88.3 as simd::exp caps it (e^88.3 is still
// finite, so 1 + e is too and the slope below never meets inf / inf).
template <typename V>
RLHF_INLINE V expOf(V x) {
    if constexpr (std::is_same_v<V, float>) return std::exp(std::min(x, 88.3f));
    else return simd::exp(x);
}

// e^-2u with u = sqrt(2/pi) (x + 0.044715 x^3), the tanh GELU's argument.
template <typename V>
RLHF_INLINE V expMinus2u(V x) {
    return expOf(-2.0f * kSqrt2OverPi * (x + kCubic * x * x * x));
}

// 0.5 (1 + tanh(u)) = 1 / (1 + e^-2u), so gelu(x) = x / (1 + e^-2u): no cancellation in the negative tail,
// where 1 + tanh(u) loses all its digits in float32. For a float or a vector V of floats.
template <typename V>
RLHF_INLINE V gelu(V x) {
    return x / (1.0f + expMinus2u(x));
}

// d/dx x s(2u) with s the logistic function: s + x * 2 du/dx * s (1 - s), where s = 1 / (1 + e),
// s (1 - s) = e / (1 + e)^2, e = e^-2u and du/dx = sqrt(2/pi) (1 + 3 * 0.044715 x^2).
template <typename V>
RLHF_INLINE V geluSlope(V x) {
    const V e = expMinus2u(x);
    const V s = 1.0f / (1.0f + e);
    return s + x * (2.0f * kSqrt2OverPi * (1.0f + 3.0f * kCubic * x * x)) * (s * s * e);
}

template <typename V, typename T>
RLHF_INLINE void geluTanhRowsLanes(const T* x, T* y, int64_t n) {
    constexpr int L = simd::lanes<V>;
    int64_t i = 0;
    for (; i + L <= n; i += L) simd::store(y + i, gelu(simd::load<V>(x + i)));
    for (; i < n; ++i) simd::fromFloat(gelu(simd::toFloat(x[i])), y + i);
}

template <typename V, typename T>
RLHF_INLINE void geluTanhBackwardRowsLanes(const T* x, const T* dy, T* dx, int64_t n) {
    constexpr int L = simd::lanes<V>;
    int64_t i = 0;
    for (; i + L <= n; i += L) simd::store(dx + i, simd::load<V>(dy + i) * geluSlope(simd::load<V>(x + i)));
    for (; i < n; ++i) simd::fromFloat(simd::toFloat(dy[i]) * geluSlope(simd::toFloat(x[i])), dx + i);
}

// Bf16: silu's result and the product each rounded to bf16, as two bf16 tensor operations.
template <typename V, bool Bf16 = false>
RLHF_INLINE void siluGateRowsLanes(float* gate, const float* up, int64_t n) {
    constexpr int L = simd::lanes<V>;
    const auto round = [](auto x) __attribute__((always_inline)) { return simd::roundIf<Bf16>(x); };
    int64_t i = 0;
    for (; i + L <= n; i += L) {
        const V g = simd::load<V>(gate + i);
        simd::store(gate + i, round(round(g / (1.0f + simd::exp(-g))) * simd::load<V>(up + i)));
    }
    for (; i < n; ++i) gate[i] = round(round(gate[i] / (1.0f + std::exp(-gate[i]))) * up[i]);
}

template <typename V>
RLHF_INLINE void siluGateRowsBf16Lanes(float* gate, const float* up, int64_t n) {
    siluGateRowsLanes<V, true>(gate, up, n);
}

}  // namespace

RLHF_VECTOR_KERNEL(void, siluGateRows, (float* gate, const float* up, int64_t n), (gate, up, n))
RLHF_VECTOR_KERNEL(void, siluGateRowsBf16, (float* gate, const float* up, int64_t n), (gate, up, n))
RLHF_VECTOR_KERNEL(void, geluTanhRows, (const float* x, float* y, int64_t n), (x, y, n))
RLHF_VECTOR_KERNEL(void, geluTanhRows, (const uint16_t* x, uint16_t* y, int64_t n), (x, y, n))
RLHF_VECTOR_KERNEL(void, geluTanhBackwardRows, (const float* x, const float* dy, float* dx, int64_t n), (x, dy, dx, n))
RLHF_VECTOR_KERNEL(void, geluTanhBackwardRows, (const uint16_t* x, const uint16_t* dy, uint16_t* dx, int64_t n),
                   (x, dy, dx, n))

}  // namespace rlhf::model::cpu
