#pragma once
// What each training stage would read from a project, counted per split, for the New-run dialog: prompts
// (pretraining text, PPO's rollouts), demonstrations (SFT), imported comparisons and rankings (the reward
// model and DPO). Counts only: cheap on a large project (indexed COUNT queries).

#include <cstdint>
#include <map>
#include <string>

#include "data/Database.h"

namespace rlhf::data {

struct SplitCounts {
    int64_t prompts = 0, demonstrations = 0, comparisons = 0, rankings = 0;
    int64_t preferences() const { return comparisons + rankings; }
};

struct TrainingDataSummary {
    std::map<std::string, SplitCounts> splits;  // "train", "validation", "test" (always present)
    const SplitCounts& train() const { return splits.at("train"); }
    const SplitCounts& validation() const { return splits.at("validation"); }
};

TrainingDataSummary summarizeTrainingData(Database& db);

}  // namespace rlhf::data
