#pragma once
// The memory check before a run loads anything (model::estimateStageMemory against MemAvailable), and
// `rlhf estimate`, which prints the estimate. A run whose weights, gradients, optimizer state and frozen
// models alone exceed the free memory is refused; one that fits only without its activations and cache
// (which depend on the data's lengths; a run's estimate takes the longest rows its data can make, within
// max_length or the context, and `rlhf estimate` the longest allowed) gets a warning.

#include <string>

#include "model/MemoryEstimate.h"

namespace CLI {
class App;
}

namespace rlhf::cli {

// Throws UserError naming `what` and the parts (and `override`, the option that skips the check, when the
// command has one); prints the warning to stderr. Does nothing when the free memory is unknown, `skip` is
// set, or on a GPU (the check reads the host's memory).
void checkStageMemory(const model::StageMemory& need, const std::string& what, bool onGpu, bool skip,
                      const std::string& override = {});

// The same check for an inference command (`what`: score, generate, reward) on the model in `dir`, before
// it loads: its weights, and `size`'s sequences (at most the model's context). A directory whose config
// cannot be read is left to the loader, which names the problem.
void checkInferenceMemory(const std::string& dir, model::StageSize size, bool onGpu, const std::string& what);

void addEstimateCommand(CLI::App& app);

}  // namespace rlhf::cli
