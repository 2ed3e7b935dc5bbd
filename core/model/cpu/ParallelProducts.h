#pragma once
// The matrix products of the CPU decode steps (CpuDecoder, LlamaCpuDecoder): the rows of a few inputs
// against float32 or bfloat16 weights, their outputs split over LibTorch's intra-op threads (at::parallel_for), the
// work of each chunk done by cpu::linearRows. Call from one thread.

#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace rlhf::model::cpu {

// A weight's memory: float32, or bfloat16 as bit patterns; neither for an absent bias.
struct WeightData {
    WeightData(std::nullptr_t = nullptr) {}
    WeightData(const float* data) : f32(data) {}
    WeightData(const uint16_t* data) : bf16(data) {}
    const float* f32 = nullptr;
    const uint16_t* bf16 = nullptr;
};

// One product: out [B,N] (+)= in [B,K] x weight [N,K]^T + bias (a torch Linear weight; bias may be
// absent). With bfloat16 weights (and bias) in bf16 arithmetic: cpu::linearRows's bf16 overload.
struct Projection {
    WeightData weight;
    WeightData bias;
    float* out;
    int64_t N;
};

// The products of the same input `in` [B,K] as one parallel region over all their outputs (q, k and v;
// gate and up): one thread hand-off instead of one per product. `accumulate` adds to out (a residual).
void project(const float* in, int64_t B, int64_t K, std::initializer_list<Projection> projections, bool accumulate);

}  // namespace rlhf::model::cpu
