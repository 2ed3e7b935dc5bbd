#pragma once
// Which checkpoints of a run to delete to keep the last N and the best by a validation metric. A
// checkpoint is judged by the latest evaluation at or before its step (evaluations and checkpoints need
// not share a cadence); checkpoints before any evaluation cannot be the best.

#include <cstdint>
#include <string>
#include <vector>

#include "data/RunStore.h"

namespace rlhf::widgets {

struct RetentionRule {
    int keepLast = 2;
    std::string metric;           // e.g. val_loss; empty: keep only the last N
    bool higherIsBetter = false;  // val_accuracy, val_objective/scores
};

// The validation metric a run's stage is judged by, and its direction.
RetentionRule retentionRuleFor(const std::string& kind, int keepLast);

// Ids of the checkpoints to delete; `points` are the run's values of rule.metric (any order).
std::vector<int64_t> checkpointsToDelete(const std::vector<data::CheckpointRow>& checkpoints,
                                         const std::vector<data::MetricPoint>& points, const RetentionRule& rule);

}  // namespace rlhf::widgets
