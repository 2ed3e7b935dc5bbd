#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf tokenize | score | generate --model DIR ... (architecture §7), JSON on stdout.
void addModelCommands(CLI::App& app);
}  // namespace rlhf::cli
