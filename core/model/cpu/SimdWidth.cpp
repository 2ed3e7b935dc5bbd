#include "model/cpu/SimdWidth.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "util/EngineSwitches.h"

namespace rlhf::model::simd {

namespace {

Width detected() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    // The x86-64 levels the kernels' copies are compiled for (target("arch=x86-64-v4") and -v3).
#if !defined(__clang__) && __GNUC__ >= 12
    if (__builtin_cpu_supports("x86-64-v4")) return Width::Avx512;
    if (__builtin_cpu_supports("x86-64-v3")) return Width::Avx2;
#else  // compilers that do not name the levels: their main features
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512cd"))
        return Width::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2")) return Width::Avx2;
#endif
#endif
    return Width::Sse;
}

Width chosen() {
    Width w = detected();
    const auto cap = cpuVectorsCap();
    if (!cap) return w;
    const std::string& limit = *cap;
    if (limit == "sse") return Width::Sse;
    if (limit == "avx2") return w == Width::Avx512 ? Width::Avx2 : w;
    if (limit != "avx512")
        std::fprintf(stderr, "warning: RLHF_CPU_VECTORS=%s is ignored (avx512, avx2 or sse); using %s\n", limit.c_str(), widthName(w));
    return w;
}

}  // namespace

Width width() {
    static const Width w = chosen();
    return w;
}

const char* widthName(Width w) {
    switch (w) {
        case Width::Avx512: return "avx512";
        case Width::Avx2: return "avx2";
        default: return "sse";
    }
}

}  // namespace rlhf::model::simd
