#pragma once
// Which checkpoints of a run to delete to keep the last N and the best by a validation metric. A
// checkpoint is judged by the latest evaluation at or before its step (evaluations and checkpoints need
// not share a cadence); checkpoints before any evaluation cannot be the best.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "data/RunStore.h"
#include "runs/RunSnapshot.h"

namespace rlhf::widgets {

struct RetentionRule {
    int keepLast = 2;
    std::string metric;           // e.g. val_loss; empty: keep only the last N
    bool higherIsBetter = false;  // val_accuracy, val_objective/scores
};

// The validation metric a run's stage is judged by, and its direction.
RetentionRule retentionRuleFor(const std::string& kind, int keepLast);

// Ids of the checkpoints to delete; `points` are the run's values of rule.metric (any order). Checkpoints
// whose path is in `inUse` (another run's model or reward model) are kept.
std::vector<int64_t> checkpointsToDelete(const std::vector<data::CheckpointRow>& checkpoints,
                                         const std::vector<data::MetricPoint>& points, const RetentionRule& rule,
                                         const std::set<std::string>& inUse = {});

// Ids of the runs whose settings name `path` as their model or reward model (a PPO run reloads both when
// it resumes, so deleting that checkpoint strands them).
std::vector<int64_t> runsUsing(const std::vector<RunEntry>& runs, const std::string& path);
// Every path some run's settings name as model or reward model.
std::set<std::string> checkpointsInUse(const std::vector<RunEntry>& runs);

}  // namespace rlhf::widgets
