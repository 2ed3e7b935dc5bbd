#include "train/Precision.h"

#include <stdexcept>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#endif

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

bool cpuHasNativeBf16() {
#if defined(__x86_64__) && defined(__GNUC__)
    // cpuid directly rather than __builtin_cpu_supports, whose feature names differ between compilers.
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 27))) return false;  // OSXSAVE
    unsigned xcr0Low = 0, xcr0High = 0;
    __asm__("xgetbv" : "=a"(xcr0Low), "=d"(xcr0High) : "c"(0));
    const bool avx512State = (xcr0Low & 0xE6u) == 0xE6u;              // SSE, AVX, opmask, ZMM state saved by the OS
    const bool tileState = (xcr0Low & (3u << 17)) == (3u << 17);      // AMX tile config and data
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    const bool amxBf16 = (edx & (1u << 22)) && tileState;
    if (!__get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx)) return amxBf16;
    const bool avx512Bf16 = (eax & (1u << 5)) && avx512State;
    return avx512Bf16 || amxBf16;
#else
    return false;
#endif
}

const char* precisionName(Precision p) { return p == Precision::Bf16 ? "bf16" : "fp32"; }

AutocastScope::AutocastScope(Precision precision, const torch::Device& device)
    : enabled_(precision == Precision::Bf16), cuda_(device.is_cuda()) {
    if (enabled_) setAutocast(cuda_, true);
}

AutocastScope::~AutocastScope() {
    if (enabled_) setAutocast(cuda_, false);
}

}  // namespace rlhf::train
