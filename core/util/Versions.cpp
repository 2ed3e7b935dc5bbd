#include "util/Versions.h"

#include <sqlite3.h>
#include <torch/version.h>

#include "model/cpu/SimdWidth.h"

namespace rlhf {
std::string libtorchVersion() { return TORCH_VERSION; }
std::string sqliteVersion() { return sqlite3_libversion(); }
std::string cpuKernelWidth() { return model::simd::widthName(model::simd::width()); }
}  // namespace rlhf
