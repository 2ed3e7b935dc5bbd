#pragma once
// 16-lane vectors for the hand-vectorised CPU loops (GCC vector extensions): one AVX-512 register, two
// AVX2 registers or four SSE registers, as each target_clones version of the calling function compiles
// them. Include from kernel .cpp files only: the helpers are always inlined into RLHF_CLONES functions,
// so their vector calling convention never crosses a call (GCC warns about it anyway: -Wpsabi).

#include <cstdint>
#include <cstring>

#pragma GCC diagnostic ignored "-Wpsabi"

#if defined(__x86_64__) && defined(__GNUC__)
#define RLHF_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define RLHF_CLONES  // other CPUs: one version, as the compiler's flags allow
#endif

#define RLHF_INLINE __attribute__((always_inline)) inline

namespace rlhf::model::simd {

typedef float Vec16 __attribute__((vector_size(64)));
typedef int32_t Vec16i __attribute__((vector_size(64)));
typedef uint32_t Vec16u __attribute__((vector_size(64)));
typedef uint16_t Vec16h __attribute__((vector_size(32)));  // 16 bfloat16 bit patterns

RLHF_INLINE Vec16 load(const float* p) {
    Vec16 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

RLHF_INLINE void store(float* p, const Vec16& v) { std::memcpy(p, &v, sizeof v); }

// bfloat16 is the top half of a float32.
RLHF_INLINE Vec16 load(const uint16_t* p) {
    Vec16h h;
    std::memcpy(&h, p, sizeof h);
    const Vec16u bits = __builtin_convertvector(h, Vec16u) << 16;
    Vec16 v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

// Rounds to the nearest bfloat16, ties to even (as torch converts).
RLHF_INLINE void store(uint16_t* p, const Vec16& v) {
    Vec16u bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits = (bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16;
    const Vec16h h = __builtin_convertvector(bits, Vec16h);
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

// Horizontal sum (element access rather than __builtin_shufflevector, which GCC 11 lacks).
RLHF_INLINE float sum(const Vec16& v) {
    float s = 0;
    for (int i = 0; i < 8; ++i) s += v[i] + v[i + 8];
    return s;
}

RLHF_INLINE float max(const Vec16& v) {
    float m = v[0];
    for (int i = 1; i < 16; ++i) m = v[i] > m ? v[i] : m;
    return m;
}

// e^x per lane (Cephes expf: x = n ln2 + r, |r| <= ln2/2, a degree-6 polynomial for e^r, 2^n by exponent
// bits; relative error ~2e-7). Lanes below -87.3 give 0; NaN stays NaN.
RLHF_INLINE Vec16 exp(Vec16 x) {
    const Vec16 low = x < -87.3f ? Vec16{} + 1.0f : Vec16{};  // 1 where the result underflows to 0
    x = x < -87.3f ? Vec16{} - 87.3f : x;
    x = x > 88.3f ? Vec16{} + 88.3f : x;
    const float shifter = 12582912.0f;  // 1.5 * 2^23: adding it rounds to an integer
    const Vec16 n = (x * 1.44269504088896341f + shifter) - shifter;
    const Vec16 r = x - n * 0.693359375f + n * 2.12194440e-4f;
    Vec16 p = Vec16{} + 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const Vec16i exponent = (__builtin_convertvector(n, Vec16i) + 127) << 23;
    Vec16 scale;
    std::memcpy(&scale, &exponent, sizeof scale);
    return (p * scale) * (1.0f - low);
}

}  // namespace rlhf::model::simd
