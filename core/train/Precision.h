#pragma once
// Training precision: fp32, or bf16 autocast (matmuls in bf16, weights, optimiser state, layer norms,
// softmax and the loss in fp32). bf16 pays off on GPUs of compute capability 8.0 or newer (Ampere on) and
// on CPUs with AVX512-BF16/AMX instructions; "auto" picks bf16 there and fp32 elsewhere (older GPUs and
// other CPUs emulate bf16 slowly).

#include <string>

#include <torch/types.h>

#include "util/CpuBf16.h"

namespace rlhf::train {

enum class Precision { Fp32, Bf16 };

// "fp32", "bf16" or "auto" (resolved for `device`); anything else throws std::invalid_argument.
Precision parsePrecision(const std::string& name, const torch::Device& device);
const char* precisionName(Precision p);

using util::cpuHasNativeBf16;  // x86 AVX512-BF16 or AMX-BF16, with OS support
// Whether the current CUDA GPU does: compute capability 8.0 or newer, as torch.cuda.is_bf16_supported()
// answers without emulation.
bool cudaHasNativeBf16();

// Enables bf16 autocast for `device` while alive (nothing for Fp32). Not nestable across devices;
// one per forward pass, on the thread that runs it (autocast state is thread-local).
class AutocastScope {
public:
    AutocastScope(Precision precision, const torch::Device& device);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool enabled_ = false;
    bool cuda_ = false;
};

}  // namespace rlhf::train
