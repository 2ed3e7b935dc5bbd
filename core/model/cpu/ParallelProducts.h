#pragma once
// The matrix products of the CPU decode steps (CpuDecoder, LlamaCpuDecoder): the rows of a few inputs
// against float32 weights, their outputs split over LibTorch's intra-op threads (at::parallel_for), the
// work of each chunk done by cpu::linearRows. Call from one thread.

#include <cstdint>
#include <initializer_list>

namespace rlhf::model::cpu {

// One product: out [B,N] (+)= in [B,K] x weight [N,K]^T + bias (a torch Linear weight; bias may be null).
struct Projection {
    const float* weight;
    const float* bias;
    float* out;
    int64_t N;
};

// The products of the same input `in` [B,K] as one parallel region over all their outputs (q, k and v;
// gate and up): one thread hand-off instead of one per product. `accumulate` adds to out (a residual).
void project(const float* in, int64_t B, int64_t K, std::initializer_list<Projection> projections, bool accumulate);

}  // namespace rlhf::model::cpu
