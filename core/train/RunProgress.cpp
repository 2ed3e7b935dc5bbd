#include "train/RunProgress.h"

#include <torch/torch.h>

namespace rlhf::train {

TrainerState RunProgress::restore(const std::string& checkpoint, const std::function<void(TrainerState&)>& takeOwn) {
    TrainerState state = RunDirectory::loadTrainerState(checkpoint);
    if (takeOwn) takeOwn(state);
    optimizer->loadState(state.tensors);
    if (order) order->restore(state.extra.value("order", nlohmann::json::object()));
    step = state.step;
    lastCheckpoint = checkpoint;
    return state;
}

TrainerState RunProgress::stateAt(int64_t atStep) const {
    TrainerState state;
    state.step = atStep;
    state.extra = nlohmann::json::object();
    if (order) state.extra["order"] = order->state();
    state.tensors = optimizer->state();
    return state;
}

void RunProgress::checkpointWritten(int64_t atStep, const std::string& checkpointDir) {
    lastCheckpoint = checkpointDir;
    if (listener) listener(atStep, checkpointDir);
}

LoopResult RunProgress::run(const LoopSchedule& schedule, std::function<StepStats(int64_t)> trainStep,
                            std::function<std::map<std::string, double>()> evaluate, std::function<void(int64_t)> saveCheckpoint,
                            const std::function<void(const StepStats&)>& onStats, const std::atomic<bool>* stop) {
    LoopCallbacks callbacks;
    callbacks.trainStep = std::move(trainStep);
    callbacks.evaluate = std::move(evaluate);
    callbacks.saveCheckpoint = std::move(saveCheckpoint);
    callbacks.onStats = onStats;
    return runLoggedTrainingLoop(dir, step, schedule, callbacks, stop);
}

}  // namespace rlhf::train
