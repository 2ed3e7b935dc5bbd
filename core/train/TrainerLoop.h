#pragma once
// The training loop every stage shares (architecture §5). It knows nothing of Qt or of GPT: a stage gives it
// callbacks; it reports value structs, checks an atomic stop flag between steps, evaluates and
// checkpoints on schedule and on stop, and refuses NaN/Inf (the run stops with a clear message and
// the last good checkpoint stays the latest).

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace rlhf::train {

// One optimiser step's numbers. `values` carries stage metrics under TRL-style names.
struct StepStats {
    int64_t step = 0;  // 1-based, after the update
    std::map<std::string, double> values;
};

struct LoopSchedule {
    int64_t maxSteps = 1000;
    int64_t evalEvery = 0;        // 0: never
    int64_t checkpointEvery = 0;  // 0: only at the end / on stop
};

struct LoopCallbacks {
    std::function<StepStats(int64_t step)> trainStep;           // runs step `step` (1-based)
    std::function<std::map<std::string, double>()> evaluate;    // optional
    std::function<void(int64_t step)> saveCheckpoint;           // after `step` steps
    std::function<void(const StepStats&)> onStats;              // metrics sink (any thread-safe target)
};

struct LoopResult {
    int64_t lastStep = 0;   // steps completed
    bool stopped = false;   // the stop flag ended it
    std::string error;      // non-empty when a non-finite value ended it
};

// Runs steps startStep+1 .. schedule.maxSteps; every value a step reports must be finite.
LoopResult runTrainingLoop(int64_t startStep, const LoopSchedule& schedule, const LoopCallbacks& callbacks,
                           const std::atomic<bool>* stop);

// max_steps from epochs: enough optimiser steps (at least one) to show each of `rows` rows `epochs` times,
// rowsPerStep at a time.
int64_t stepsForEpochs(double epochs, size_t rows, int64_t rowsPerStep);

}  // namespace rlhf::train
