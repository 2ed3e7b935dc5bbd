#pragma once
// Library versions for About boxes and `--version` (widgets may not include torch headers).
#include <string>
namespace rlhf {
std::string libtorchVersion();
std::string sqliteVersion();
std::string cpuKernelWidth();  // the vector width the CPU kernels run at: avx512, avx2 or sse
}  // namespace rlhf
