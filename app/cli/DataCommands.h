#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf import | export | stats | split PROJECT ... (DESIGN §7)
void addDataCommands(CLI::App& app);
}  // namespace rlhf::cli
