#pragma once
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf train sft|rm|dpo|ppo PROJECT --set model=DIR | --resume ID  [--config F] [--set k=v]... [--device D]
void addFineTuneCommands(CLI::App& train);
}  // namespace rlhf::cli
