#pragma once
// Library versions for About boxes and `--version` (widgets may not include torch headers).
#include <string>
namespace rlhf {
std::string libtorchVersion();
std::string sqliteVersion();
}  // namespace rlhf
