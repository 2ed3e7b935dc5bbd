#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf bench eliza|train|generate ... (architecture §7): programs that print numbers, never timed assertions.
void addBenchCommand(CLI::App& app);
}  // namespace rlhf::cli
