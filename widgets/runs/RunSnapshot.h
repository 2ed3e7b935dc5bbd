#pragma once
// A project's runs as the Runs panel shows them, read in one go on a worker thread (its own connection):
// each row with the status people see (a running row whose lock is free is "interrupted"), its headline
// metric's latest value, its planned steps, its checkpoints and the disk they use.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/RunStore.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

struct RunEntry {
    data::RunRow row;
    std::string status;        // observed: interrupted where the row says running or paused and nobody trains it
    nlohmann::json config;     // the row's settings (an object; empty when unreadable)
    int64_t maxSteps = 0;      // from the settings, 0 when unknown
    std::string headlineName;  // the stage's first progress metric (loss; objective/scores for PPO)
    std::optional<double> headline;
    std::vector<data::CheckpointRow> checkpoints;
    std::optional<data::CheckpointRow> startCheckpoint;   // where it started from, when a run of the project wrote it
    std::optional<data::CheckpointRow> rewardCheckpoint;  // PPO: its reward model, when a run of the project wrote it
    int64_t diskBytes = 0;     // the run's directory
    std::string directory;
    // What it trains: a pretraining run's `architecture` (gpt2 when unset), else the model_type of the
    // model it starts from (gpt2, mamba, llama, qwen2; "" when that directory cannot be read).
    std::string architecture;
};

// The first of the stage's headline metrics (train::stageHeadlines): the runs list shows it, the curves open on it.
std::string headlineMetricOf(const std::string& kind);

std::vector<RunEntry> loadRunSnapshot(data::ProjectStore& store);

}  // namespace rlhf::widgets
