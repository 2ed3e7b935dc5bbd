#include "model/cpu/CpuKernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstring>
#include <type_traits>

#include "model/cpu/ActivationKernels.h"
#include "model/cpu/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

using simd::sum;

// Four weight rows against R input rows (R <= 4): each loaded vector feeds several multiply-adds,
// so the loop is bound by arithmetic rather than by loads. out[r * outStride + j] = dot(x_r, w_j).
// W: float, or uint16_t for bfloat16 weights (widened to float as they are loaded).
template <typename V, int R, typename W>
RLHF_INLINE void dotTile(const float* x, int64_t xStride, const W* w, int64_t K, float* out, int64_t outStride) {
    constexpr int L = simd::lanes<V>;
    V acc[R][4] = {};
    int64_t k = 0;
    for (; k + L <= K; k += L) {
        const V w0 = simd::load<V>(w + k), w1 = simd::load<V>(w + K + k), w2 = simd::load<V>(w + 2 * K + k),
                w3 = simd::load<V>(w + 3 * K + k);
        // The next four rows, one line per row and step: weights stream from memory faster when asked
        // for ahead (decoding is bound by memory bandwidth; each weight is read once per step).
        for (int j = 4; j < 8; ++j) __builtin_prefetch(reinterpret_cast<const char*>(w + j * K + k) + 256);
        for (int r = 0; r < R; ++r) {
            const V v = simd::load<V>(x + r * xStride + k);
            acc[r][0] += v * w0;
            acc[r][1] += v * w1;
            acc[r][2] += v * w2;
            acc[r][3] += v * w3;
        }
    }
    for (int r = 0; r < R; ++r)
        for (int j = 0; j < 4; ++j) {
            float s = sum(acc[r][j]);
            for (int64_t t = k; t < K; ++t) s += x[r * xStride + t] * simd::toFloat(w[j * K + t]);
            out[r * outStride + j] = s;
        }
}

template <typename V, typename W>
RLHF_INLINE float dotInline(const float* a, const W* b, int64_t n) {
    constexpr int L = simd::lanes<V>;
    V acc = {};
    int64_t i = 0;
    for (; i + L <= n; i += L) acc += simd::load<V>(a + i) * simd::load<V>(b + i);
    float s = sum(acc);
    for (; i < n; ++i) s += a[i] * simd::toFloat(b[i]);
    return s;
}

// out[b, n] (+)= dot + bias; with bfloat16 weights (W = uint16_t) each sum is rounded as a bf16 Linear's
// output, and the residual add once more.
template <typename W>
RLHF_INLINE void storeSum(float& o, float sum, const W* bias, int64_t n, bool accumulate) {
    const float b = bias ? simd::toFloat(bias[n]) : 0.0f;
    if constexpr (std::is_same_v<W, float>) o = (accumulate ? o : 0.0f) + sum + b;
    else o = accumulate ? simd::roundToBf16(o + simd::roundToBf16(sum + b)) : simd::roundToBf16(sum + b);
}

template <typename V, typename W>
RLHF_INLINE void linearRowsLanes(const float* in, int64_t B, int64_t K, const W* weight, const W* bias, float* out,
                                 int64_t N, int64_t n0, int64_t n1, bool accumulate) {
    float s[4 * 4];
    auto store = [&](int64_t b, int64_t n, int rows, int columns) {
        for (int r = 0; r < rows; ++r)
            for (int j = 0; j < columns; ++j) storeSum(out[(b + r) * N + n + j], s[r * 4 + j], bias, n + j, accumulate);
    };
    int64_t n = n0;
    for (; n + 4 <= n1; n += 4) {
        const W* w = weight + n * K;
        int64_t b = 0;
        for (; b + 4 <= B; b += 4) dotTile<V, 4>(in + b * K, K, w, K, s, 4), store(b, n, 4, 4);
        switch (B - b) {
            case 3: dotTile<V, 3>(in + b * K, K, w, K, s, 4), store(b, n, 3, 4); break;
            case 2: dotTile<V, 2>(in + b * K, K, w, K, s, 4), store(b, n, 2, 4); break;
            case 1: dotTile<V, 1>(in + b * K, K, w, K, s, 4), store(b, n, 1, 4); break;
            default: break;
        }
    }
    for (; n < n1; ++n)
        for (int64_t b = 0; b < B; ++b) storeSum(out[b * N + n], dotInline<V>(in + b * K, weight + n * K, K), bias, n, accumulate);
}

// Bf16: round each score, probability and output value as bf16 tensors would hold them (attendOneBf16).
template <typename V, bool Bf16 = false, typename KV = float>
RLHF_INLINE void attendOneLanes(const float* q, const KV* keys, const KV* values, int64_t first, int64_t last,
                                int64_t D, float scale, float* weights, float* out) {
    const auto round = [](auto x) __attribute__((always_inline)) { return simd::roundIf<Bf16>(x); };
    float top = -std::numeric_limits<float>::infinity();
    for (int64_t s = first; s <= last; ++s) {
        weights[s] = round(round(dotInline<V>(q, keys + s * D, D)) * scale);
        top = std::max(top, weights[s]);
    }
    float total = 0;
    for (int64_t s = first; s <= last; ++s) total += weights[s] = std::exp(weights[s] - top);
    for (int64_t i = 0; i < D; ++i) out[i] = 0.0f;
    for (int64_t s = first; s <= last; ++s) {
        const float w = round(weights[s] / total);
        const KV* v = values + s * D;
        for (int64_t i = 0; i < D; ++i) out[i] += w * simd::toFloat(v[i]);
    }
    if constexpr (Bf16)
        for (int64_t i = 0; i < D; ++i) out[i] = round(out[i]);
}

template <typename V>
RLHF_INLINE void attendOneBf16Lanes(const float* q, const uint16_t* keys, const uint16_t* values, int64_t first,
                                    int64_t last, int64_t D, float scale, float* weights, float* out) {
    attendOneLanes<V, true>(q, keys, values, first, last, D, scale, weights, out);
}

}  // namespace

RLHF_VECTOR_KERNEL(void, linearRows,
                   (const float* in, int64_t B, int64_t K, const float* weight, const float* bias, float* out, int64_t N,
                    int64_t n0, int64_t n1, bool accumulate),
                   (in, B, K, weight, bias, out, N, n0, n1, accumulate))
RLHF_VECTOR_KERNEL(void, linearRows,
                   (const float* in, int64_t B, int64_t K, const uint16_t* weight, const uint16_t* bias, float* out,
                    int64_t N, int64_t n0, int64_t n1, bool accumulate),
                   (in, B, K, weight, bias, out, N, n0, n1, accumulate))
RLHF_VECTOR_KERNEL(void, attendOne,
                   (const float* q, const float* keys, const float* values, int64_t first, int64_t last, int64_t D,
                    float scale, float* weights, float* out),
                   (q, keys, values, first, last, D, scale, weights, out))
RLHF_VECTOR_KERNEL(void, attendOneBf16,
                   (const float* q, const uint16_t* keys, const uint16_t* values, int64_t first, int64_t last, int64_t D,
                    float scale, float* weights, float* out),
                   (q, keys, values, first, last, D, scale, weights, out))

void layerNorm(const float* x, const float* weight, const float* bias, float* out, int64_t C, float eps) {
    double mean = 0;
    for (int64_t i = 0; i < C; ++i) mean += x[i];
    mean /= static_cast<double>(C);
    double variance = 0;
    for (int64_t i = 0; i < C; ++i) variance += (x[i] - mean) * (x[i] - mean);
    variance /= static_cast<double>(C);
    const float m = static_cast<float>(mean), r = static_cast<float>(1.0 / std::sqrt(variance + eps));
    for (int64_t i = 0; i < C; ++i) out[i] = (x[i] - m) * r * weight[i] + bias[i];
}

namespace {

// 1/sqrt(mean(x^2) + eps) over C values.
float inverseRootMeanSquare(const float* x, int64_t C, float eps) {
    double squares = 0;
    for (int64_t i = 0; i < C; ++i) squares += static_cast<double>(x[i]) * x[i];
    return 1.0f / std::sqrt(static_cast<float>(squares / static_cast<double>(C)) + eps);
}

}  // namespace

void rmsNorm(const float* x, const float* weight, float* out, int64_t C, float eps) {
    const float r = inverseRootMeanSquare(x, C, eps);
    for (int64_t i = 0; i < C; ++i) out[i] = weight[i] * (x[i] * r);
}

void rmsNorm(const float* x, const uint16_t* weight, float* out, int64_t C, float eps) {
    const float r = inverseRootMeanSquare(x, C, eps);
    for (int64_t i = 0; i < C; ++i) out[i] = simd::roundToBf16(simd::toFloat(weight[i]) * simd::roundToBf16(x[i] * r));
}

void activate(float* x, int64_t n, Activation a) {
    switch (a) {
        case Activation::GeluTanh: geluTanhRows(x, x, n); return;
        case Activation::GeluErf:
            for (int64_t i = 0; i < n; ++i) x[i] = 0.5f * x[i] * (1.0f + std::erf(x[i] * 0.70710678118654752f));
            return;
        case Activation::Relu:
            for (int64_t i = 0; i < n; ++i) x[i] = std::max(x[i], 0.0f);
            return;
        case Activation::Silu:
            for (int64_t i = 0; i < n; ++i) x[i] = x[i] / (1.0f + std::exp(-x[i]));
            return;
        case Activation::QuickGelu:
            for (int64_t i = 0; i < n; ++i) x[i] = x[i] / (1.0f + std::exp(-1.702f * x[i]));
            return;
    }
}

}  // namespace rlhf::model::cpu
