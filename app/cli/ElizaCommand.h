#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf eliza [--script FILE | --builtin NAME] [--trace] [--json]
void addElizaCommand(CLI::App& app);
}  // namespace rlhf::cli
