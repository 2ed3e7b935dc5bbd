#pragma once
// Float vectors for the hand-vectorised CPU loops (GCC vector extensions), as wide as one register of
// the CPU they run on: 16 lanes (AVX-512), 8 (AVX2) or 4 (SSE). A kernel is written once as a template
// over its vector type V (simd::Vec<N>) and compiled three times by RLHF_VECTOR_KERNEL, each copy for its
// instruction set; the copy is chosen per call by simd::width() (SimdWidth.h).
//
// Why not one 16-lane type for every CPU: GCC compiles a vector wider than the target's registers through
// the stack. With one 16-lane type the AVX2 copy of the attention kernels ran 7x slower than the AVX-512
// copy, and small-preset float32 training ran at 1,556-1,684 tokens/s against 4,437 (docs/benchmarks.md).
//
// Include from kernel .cpp files only: the helpers are always inlined into the per-target functions,
// so their vector calling convention never crosses a call (GCC warns about it anyway: -Wpsabi).

#include <cstdint>
#include <cstring>

#include "model/cpu/SimdWidth.h"

#pragma GCC diagnostic ignored "-Wpsabi"

#define RLHF_INLINE __attribute__((always_inline)) inline

namespace rlhf::model::simd {

template <int N>
struct Lanes {
    typedef float Float __attribute__((vector_size(4 * N)));
    typedef int32_t Int __attribute__((vector_size(4 * N)));
    typedef uint32_t Bits __attribute__((vector_size(4 * N)));
    typedef uint16_t Half __attribute__((vector_size(2 * N)));  // N bfloat16 bit patterns
};

template <int N>
using Vec = typename Lanes<N>::Float;

template <typename V>
constexpr int lanes = static_cast<int>(sizeof(V) / sizeof(float));

template <typename V>
using BitsOf = typename Lanes<lanes<V>>::Bits;

template <typename V>
RLHF_INLINE V load(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <typename V>
RLHF_INLINE void store(float* p, const V& v) {
    std::memcpy(p, &v, sizeof v);
}

// bfloat16 is the top half of a float32.
template <typename V>
RLHF_INLINE V load(const uint16_t* p) {
    typename Lanes<lanes<V>>::Half h;
    std::memcpy(&h, p, sizeof h);
    const BitsOf<V> bits = __builtin_convertvector(h, BitsOf<V>) << 16;
    V v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// Rounds to the nearest bfloat16, ties to even (as torch converts).
template <typename V>
RLHF_INLINE void store(uint16_t* p, const V& v) {
    BitsOf<V> bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits = (bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16;
    const auto h = __builtin_convertvector(bits, typename Lanes<lanes<V>>::Half);
    std::memcpy(p, &h, sizeof h);
}

RLHF_INLINE float toFloat(float x) { return x; }
RLHF_INLINE float toFloat(uint16_t bf16) {
    const uint32_t bits = static_cast<uint32_t>(bf16) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

RLHF_INLINE void fromFloat(float x, float* out) { *out = x; }
RLHF_INLINE void fromFloat(float x, uint16_t* out) {
    uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    *out = static_cast<uint16_t>((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
}

// x rounded to the nearest bfloat16 (ties to even), kept as a float: one bf16 operation's result.
RLHF_INLINE float roundToBf16(float x) {
    uint16_t h;
    fromFloat(x, &h);
    return toFloat(h);
}

template <typename V>
RLHF_INLINE V roundToBf16(const V& v) {
    BitsOf<V> bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits = ((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16) << 16;
    V rounded;
    std::memcpy(&rounded, &bits, sizeof rounded);
    return rounded;
}

// x rounded to bf16 where a kernel computes in bf16 arithmetic (Bf16), else x.
template <bool Bf16, typename T>
RLHF_INLINE T roundIf(const T& x) {
    if constexpr (Bf16) return roundToBf16(x);
    else return x;
}

// Horizontal sum, pairing lane i with lane i + N/2 (element access rather than __builtin_shufflevector,
// which GCC 11 lacks).
template <typename V>
RLHF_INLINE float sum(const V& v) {
    constexpr int half = lanes<V> / 2;
    float s = 0;
    for (int i = 0; i < half; ++i) s += v[i] + v[i + half];
    return s;
}

template <typename V>
RLHF_INLINE float max(const V& v) {
    float m = v[0];
    for (int i = 1; i < lanes<V>; ++i) m = v[i] > m ? v[i] : m;
    return m;
}

// e^x per lane (Cephes expf: x = n ln2 + r, |r| <= ln2/2, a degree-6 polynomial for e^r, 2^n by exponent
// bits; relative error ~2e-7). Lanes below -87.3 give 0; NaN stays NaN.
template <typename V>
RLHF_INLINE V exp(V x) {
    const V low = x < -87.3f ? V{} + 1.0f : V{};  // 1 where the result underflows to 0
    x = x < -87.3f ? V{} - 87.3f : x;
    x = x > 88.3f ? V{} + 88.3f : x;
    const float shifter = 12582912.0f;  // 1.5 * 2^23: adding it rounds to an integer
    const V n = (x * 1.44269504088896341f + shifter) - shifter;
    const V r = x - n * 0.693359375f + n * 2.12194440e-4f;
    V p = V{} + 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    using Int = typename Lanes<lanes<V>>::Int;
    const Int exponent = (__builtin_convertvector(n, Int) + 127) << 23;
    V scale;
    std::memcpy(&scale, &exponent, sizeof scale);
    return (p * scale) * (1.0f - low);
}

}  // namespace rlhf::model::simd

// Defines `ret name params` (params and args parenthesised, args naming the parameters) to run
// name##Lanes<simd::Vec<N>> args, the template of the kernel, at the widest vectors simd::width() allows:
// a copy compiled for AVX-512 (16 lanes), one for AVX2 (8) and a baseline one (4).
#if defined(__x86_64__) && defined(__GNUC__)
#define RLHF_VECTOR_KERNEL(ret, name, params, args)                                                              \
    __attribute__((target("arch=x86-64-v4"))) static ret name##Avx512 params { return name##Lanes<simd::Vec<16>> args; } \
    __attribute__((target("arch=x86-64-v3"))) static ret name##Avx2 params { return name##Lanes<simd::Vec<8>> args; }    \
    static ret name##Sse params { return name##Lanes<simd::Vec<4>> args; }                                       \
    ret name params {                                                                                            \
        switch (simd::width()) {                                                                                 \
            case simd::Width::Avx512: return name##Avx512 args;                                                  \
            case simd::Width::Avx2: return name##Avx2 args;                                                      \
            default: return name##Sse args;                                                                      \
        }                                                                                                        \
    }
#else
#define RLHF_VECTOR_KERNEL(ret, name, params, args) \
    ret name params { return name##Lanes<simd::Vec<4>> args; }
#endif
