#pragma once
// `rlhf --version [--json]` and `rlhf-engine --version [--json]`: the workbench's version and the
// libraries it runs on. `rlhf` (no LibTorch) names itself and SQLite, then asks rlhf-engine for LibTorch
// and the CPU kernels' vector width; a missing engine is said in the output, not an error.

#include <nlohmann/json.hpp>

namespace rlhf::cli {

// True when argv is "--version" with, optionally, "--json".
bool isVersionRequest(int argc, char** argv, bool* json);

// rlhf's answer: {"version", "sqlite", "libtorch", "cpu_vectors"} (the last two from rlhf-engine).
nlohmann::json versionOfWorkbench(char** argv);

}  // namespace rlhf::cli
