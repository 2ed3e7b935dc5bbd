#include "train/TrainerLoop.h"

#include <algorithm>
#include <cmath>

namespace rlhf::train {

LoopResult runTrainingLoop(int64_t startStep, const LoopSchedule& schedule, const LoopCallbacks& cb,
                           const std::atomic<bool>* stop) {
    LoopResult result;
    result.lastStep = startStep;
    int64_t lastSaved = startStep;
    for (int64_t step = startStep + 1; step <= schedule.maxSteps; ++step) {
        if (stop && stop->load()) {
            result.stopped = true;
            break;
        }
        StepStats stats = cb.trainStep(step);
        for (const auto& [name, value] : stats.values) {
            if (!std::isfinite(value)) {
                result.error = name + " became " + (std::isnan(value) ? "NaN" : "infinite") + " at step " +
                               std::to_string(step) + "; the run stopped and " +
                               (lastSaved > 0 ? "its last good checkpoint is step " + std::to_string(lastSaved)
                                              : std::string("had written no checkpoint yet (a lower lr or grad_clip may help)"));
                if (cb.onStats) cb.onStats(stats);
                return result;
            }
        }
        if (cb.evaluate && schedule.evalEvery > 0 && (step % schedule.evalEvery == 0 || step == schedule.maxSteps))
            for (const auto& [name, value] : cb.evaluate()) stats.values[name] = value;
        if (cb.onStats) cb.onStats(stats);
        result.lastStep = step;
        if (cb.saveCheckpoint && schedule.checkpointEvery > 0 && step % schedule.checkpointEvery == 0 &&
            step != schedule.maxSteps) {
            cb.saveCheckpoint(step);
            lastSaved = step;
        }
    }
    if (cb.saveCheckpoint && result.lastStep > lastSaved) cb.saveCheckpoint(result.lastStep);
    return result;
}

int64_t stepsForEpochs(double epochs, size_t rows, int64_t rowsPerStep) {
    const double steps = std::ceil(epochs * static_cast<double>(rows) / static_cast<double>(rowsPerStep));
    return std::max<int64_t>(1, static_cast<int64_t>(steps));
}

}  // namespace rlhf::train
