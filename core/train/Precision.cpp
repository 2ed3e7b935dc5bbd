#include "train/Precision.h"

#include <stdexcept>

#include <ATen/autocast_mode.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/version.h>

namespace rlhf::train {

namespace {

void setAutocast(bool cuda, bool enable) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    const auto type = cuda ? at::kCUDA : at::kCPU;
    at::autocast::set_autocast_dtype(type, at::kBFloat16);
    at::autocast::set_autocast_enabled(type, enable);
#else
    if (cuda) {
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(enable);
    } else {
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(enable);
    }
#endif
    // Cast weights are cached while autocast is on; dropping them afterwards frees the bf16 copies
    // (the fp32 weights change after each optimiser step, so the cache must not outlive a forward).
    if (!enable) at::autocast::clear_cache();
}

}  // namespace

Precision parsePrecision(const std::string& name, const torch::Device& device) {
    if (name == "fp32") return Precision::Fp32;
    if (name == "bf16") return Precision::Bf16;
    if (name == "auto") return (device.is_cuda() ? cudaHasNativeBf16() : cpuHasNativeBf16()) ? Precision::Bf16 : Precision::Fp32;
    throw std::invalid_argument("unknown precision '" + name + "' (fp32, bf16 or auto)");
}

// LibTorch's C++ API has no call for a GPU's compute capability without the CUDA headers (absent from CPU
// builds); ATen's CUDA hooks answer it, under the name of cuDNN's bf16 convolutions, which need exactly
// compute capability 8.0 (false in a LibTorch without CUDA).
bool cudaHasNativeBf16() { return at::detail::getCUDAHooks().supportsBFloat16ConvolutionWithCuDNNv8(); }

const char* precisionName(Precision p) { return p == Precision::Bf16 ? "bf16" : "fp32"; }

AutocastScope::AutocastScope(Precision precision, const torch::Device& device)
    : enabled_(precision == Precision::Bf16), cuda_(device.is_cuda()) {
    if (enabled_) setAutocast(cuda_, true);
}

AutocastScope::~AutocastScope() {
    if (enabled_) setAutocast(cuda_, false);
}

}  // namespace rlhf::train
