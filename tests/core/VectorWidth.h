#pragma once
// For the tests of the vectorised CPU kernels: whether simd::width() honours RLHF_CPU_VECTORS, so a test
// registered with a narrower width (tests/CMakeLists.txt) really runs that copy of the kernels.

#include <cstdlib>
#include <string>

#include "model/cpu/SimdWidth.h"

namespace rlhf::test {

inline bool vectorWidthAsAsked() {
    const char* asked = std::getenv("RLHF_CPU_VECTORS");
    if (!asked) return true;
    const auto w = rlhf::model::simd::width();
    const std::string name = rlhf::model::simd::widthName(w);
    // A cap narrower than the CPU is honoured exactly; a wider one leaves the CPU's own width.
    return name == asked || (std::string(asked) == "avx2" && w == rlhf::model::simd::Width::Sse);
}

}  // namespace rlhf::test
