#pragma once
// Library versions for About boxes and `--version`. The GUI does not link LibTorch: it asks rlhf-engine
// (`rlhf-engine --version --json`) for LibTorch's version and the CPU kernels' vector width.
#include <string>
namespace rlhf {
std::string sqliteVersion();
}  // namespace rlhf
