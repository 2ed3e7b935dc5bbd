#pragma once
// What the Pipeline board shows, read off the UI thread: the data each step learns from (per split), the
// project's runs, whether it is a demo project, and the newest evaluation (`rlhf eval`, `rlhf demo run`:
// PROJECT.rlhf.d/evaluations/*.json).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "data/TrainingDataSummary.h"

namespace rlhf::widgets {

// A run as a card shows it: the row, its observed status (interrupted where nobody trains it) and the
// step's key metric at its newest step (pipelineMetricOf). Cheaper than the Runs panel's RunEntry: no
// settings, checkpoints or directory sizes.
struct PipelineRun {
    data::RunRow row;
    std::string status;
    std::string metricName;
    std::optional<double> metric;
};

struct PipelineSnapshot {
    data::TrainingDataSummary data;
    std::vector<PipelineRun> runs;
    bool demo = false;
    std::optional<nlohmann::json> evaluation;  // the newest evaluation file's object
    std::string evaluationFile;

    // The newest run of `kind` (by id), or nullptr.
    const PipelineRun* lastRun(const std::string& kind) const;
    // The final checkpoint of the newest finished run of `kind`, or empty.
    std::string finishedCheckpoint(const std::string& kind) const;
};

PipelineSnapshot loadPipelineSnapshot(data::ProjectStore& store);

// The metric a step's card shows for a run of `kind`: validation accuracy for the reward model, the
// validation score for PPO, validation loss otherwise (the headline of a run that has none yet).
std::string pipelineMetricOf(const std::string& kind);

}  // namespace rlhf::widgets
