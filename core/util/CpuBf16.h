#pragma once
// Whether this CPU multiplies bf16 natively (x86 AVX512-BF16 or AMX-BF16, with the OS saving their state):
// where "auto" precision trains in bf16 (train/Precision). No LibTorch, so the GUI asks it too.

namespace rlhf::util {

bool cpuHasNativeBf16();

}  // namespace rlhf::util
