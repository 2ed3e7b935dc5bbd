#pragma once
// What every stage's run class (PretrainRun, SftRun, RewardRun, DpoRun, PpoRun) keeps and does the same
// way, held by composition: its directory, the optimiser and the epoch order (pretraining draws random
// windows and has none), where it is (step), its newest checkpoint and who hears of new ones; restoring
// these from a checkpoint, the trainer state a checkpoint saves them in, and the shared training loop.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "train/AdamW.h"
#include "train/EpochOrder.h"
#include "train/RunDirectory.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class RunProgress {
public:
    explicit RunProgress(const std::string& runDir) : dir(runDir) {}

    // Optimiser tensors, the order (extra["order"], when there is one) and the step of `checkpoint`; the
    // state comes back for the stage's own extras. `takeOwn` first removes the stage's own tensors (DPO's
    // reference log-probs), which are not the optimiser's.
    TrainerState restore(const std::string& checkpoint, const std::function<void(TrainerState&)>& takeOwn = {});
    // The state a checkpoint after `atStep` saves: the step, the order's state and the optimiser's tensors.
    TrainerState stateAt(int64_t atStep) const;
    // A checkpoint is complete on disk: it becomes the newest and the listener hears of it.
    void checkpointWritten(int64_t atStep, const std::string& checkpointDir);
    // runLoggedTrainingLoop from `step` (evaluate may be empty).
    LoopResult run(const LoopSchedule& schedule, std::function<StepStats(int64_t)> trainStep,
                   std::function<std::map<std::string, double>()> evaluate, std::function<void(int64_t)> saveCheckpoint,
                   const std::function<void(const StepStats&)>& onStats, const std::atomic<bool>* stop);

    RunDirectory dir;
    std::unique_ptr<AdamW> optimizer;
    std::unique_ptr<EpochOrder> order;
    int64_t step = 0;
    std::string lastCheckpoint;
    std::function<void(int64_t step, const std::string& dir)> listener;
};

}  // namespace rlhf::train
