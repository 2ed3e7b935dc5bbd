#pragma once

#include <string>

#include "TrainRunSupport.h"
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf train sft|rm|dpo|ppo PROJECT --set model=DIR | --resume ID  [--config F] [--set k=v]... [--device D]
void addFineTuneCommands(CLI::App& train);

// Runs the fine-tuning stage `kind` (sft, rm, dpo, ppo) as `rlhf train KIND` does, without printing its
// result; its progress goes where o.json says. Throws UserError when it cannot start.
StageOutcome trainFineTuneStage(const std::string& kind, const TrainOptions& o);
}  // namespace rlhf::cli
