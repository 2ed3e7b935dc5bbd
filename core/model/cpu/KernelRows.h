#pragma once
// Glue between tensors and the CPU row kernels (LogitKernels): the kernels take float32 rows or
// bfloat16 rows as their bit patterns; withRowType runs a generic lambda for the tensor's type.

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include <c10/util/BFloat16.h>
#include <torch/types.h>

#include "util/EngineSwitches.h"

namespace rlhf::model::cpu {

inline const float* kernelRows(const float* x) { return x; }
inline float* kernelRows(float* x) { return x; }
inline const uint16_t* kernelRows(const c10::BFloat16* x) { return reinterpret_cast<const uint16_t*>(x); }
inline uint16_t* kernelRows(c10::BFloat16* x) { return reinterpret_cast<uint16_t*>(x); }

// Whether the row kernels take `t` (float32 or bfloat16 on the CPU).
inline bool rowKernelType(const torch::Tensor& t) {
    return t.device().is_cpu() && (t.scalar_type() == torch::kFloat32 || t.scalar_type() == torch::kBFloat16);
}

// Calls f(T{}) with T = float or c10::BFloat16, as `t` holds (rowKernelType(t) must hold).
template <typename F>
void withRowType(const torch::Tensor& t, F&& f) {
    if (t.scalar_type() == torch::kFloat32) f(float{});
    else f(c10::BFloat16{});
}

// RLHF_NO_CPU_ATTENTION_KERNEL=1 switches both attention kernels (CausalSoftmax, CausalAttention) off,
// for comparison with LibTorch's ops. Read once.
inline bool attentionKernelsSwitchedOff() {
    static const bool off = switchedOff(EngineSwitch::CpuAttentionKernel);
    return off;
}

// Rows per parallel task: enough elements (~64k) that a task outweighs its scheduling.
inline int64_t grainRows(int64_t rowLength) { return std::max<int64_t>(1, 65536 / std::max<int64_t>(1, rowLength)); }

}  // namespace rlhf::model::cpu
