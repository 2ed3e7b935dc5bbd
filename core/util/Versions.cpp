#include "util/Versions.h"

#include <sqlite3.h>
#include <torch/version.h>

namespace rlhf {
std::string libtorchVersion() { return TORCH_VERSION; }
std::string sqliteVersion() { return sqlite3_libversion(); }
}  // namespace rlhf
