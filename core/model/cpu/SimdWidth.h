#pragma once
// The vector width the CPU kernels run at (SimdLanes.h): the widest this CPU and its operating system
// support, or narrower if RLHF_CPU_VECTORS=avx2 or sse says so (to compare, and to test each copy of the
// kernels on one machine). Read once.

namespace rlhf::model::simd {

enum class Width { Sse, Avx2, Avx512 };

Width width();
const char* widthName(Width w);  // "avx512", "avx2", "sse"

}  // namespace rlhf::model::simd
