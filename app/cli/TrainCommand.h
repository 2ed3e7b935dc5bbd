#pragma once

#include "TrainRunSupport.h"
namespace CLI { class App; }
namespace rlhf::cli {
// rlhf train pretrain --text FILE | --resume RUN  [--config F] [--set k=v]... [--device D] [--out DIR]
void addTrainCommand(CLI::App& app);

// Runs pretraining as `rlhf train pretrain` does, without printing its result.
StageOutcome trainPretrain(const TrainOptions& o);
}  // namespace rlhf::cli
