#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf import | export | stats | split PROJECT ... (architecture §7)
void addDataCommands(CLI::App& app);
}  // namespace rlhf::cli
