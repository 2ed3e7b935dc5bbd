#include "util/Versions.h"

#include <torch/version.h>

namespace rlhf {
std::string libtorchVersion() { return TORCH_VERSION; }
}  // namespace rlhf
