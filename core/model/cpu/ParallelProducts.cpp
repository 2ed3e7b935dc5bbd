#include "model/cpu/ParallelProducts.h"

#include <ATen/Parallel.h>

#include <algorithm>

#include "model/cpu/CpuKernels.h"

namespace rlhf::model::cpu {

void project(const float* in, int64_t B, int64_t K, std::initializer_list<Projection> projections, bool accumulate) {
    int64_t total = 0;
    for (const Projection& p : projections) total += p.N;
    // Chunks of at least 64 outputs (a multiple of the kernel's four rows): smaller ones cost more in
    // thread hand-off than they compute.
    at::parallel_for(0, total, 64, [&](int64_t n0, int64_t n1) {
        int64_t offset = 0;
        for (const Projection& p : projections) {
            const int64_t begin = std::max(n0, offset), end = std::min(n1, offset + p.N);
            if (begin < end && p.weight.bf16)
                linearRows(in, B, K, p.weight.bf16, p.bias.bf16, p.out, p.N, begin - offset, end - offset, accumulate);
            else if (begin < end)
                linearRows(in, B, K, p.weight.f32, p.bias.f32, p.out, p.N, begin - offset, end - offset, accumulate);
            offset += p.N;
        }
    });
}

}  // namespace rlhf::model::cpu
