#include "model/cpu/TokenLogProbRows.h"

#include <cmath>

#include <ATen/Parallel.h>

#include "model/cpu/KernelRows.h"

namespace rlhf::model::cpu {

void logProbRows(const torch::Tensor& logits, const int64_t* targets, float s, LogSumExp* lse, float* logp) {
    const int64_t n = logits.size(0), V = logits.size(1);
    withRowType(logits, [&](auto type) {
        using T = decltype(type);
        const T* x = logits.data_ptr<T>();
        at::parallel_for(0, n, grainRows(V), [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                lse[i] = rowLogSumExp(kernelRows(x + i * V), V, s);
                logp[i] = (s * static_cast<float>(x[i * V + targets[i]]) - lse[i].shift) - lse[i].logSum;
            }
        });
    });
}

void logProbGradientRows(const torch::Tensor& logits, const int64_t* targets, float s, const LogSumExp* lse,
                         const float* upstream, torch::Tensor& grad) {
    const int64_t n = logits.size(0), V = logits.size(1);
    withRowType(logits, [&](auto type) {
        using T = decltype(type);
        const T* x = logits.data_ptr<T>();
        T* out = grad.data_ptr<T>();
        at::parallel_for(0, n, grainRows(V), [&](int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                const float c = upstream[i] * s;
                rowSoftmaxTimes(kernelRows(x + i * V), V, s, lse[i], -c, kernelRows(out + i * V));
                // The target's entry in one rounding: c (1 - p_t).
                const float pt = std::exp((s * static_cast<float>(x[i * V + targets[i]]) - lse[i].shift) - lse[i].logSum);
                out[i * V + targets[i]] = static_cast<T>(c * (1.0f - pt));
            }
        });
    });
}

}  // namespace rlhf::model::cpu
