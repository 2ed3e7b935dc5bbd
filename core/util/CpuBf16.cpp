#include "util/CpuBf16.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#endif

namespace rlhf::util {

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

}  // namespace rlhf::util
