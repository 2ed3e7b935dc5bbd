#pragma once
// What the Pipeline board shows, read off the UI thread: the data each step learns from (per split), the
// project's runs, whether it is a demo project, and the newest evaluation (`rlhf eval`, `rlhf demo run`:
// PROJECT.rlhf.d/evaluations/*.json).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/ProjectStore.h"
#include "data/TrainingDataSummary.h"
#include "runs/RunSnapshot.h"

namespace rlhf::widgets {

struct PipelineSnapshot {
    data::TrainingDataSummary data;
    std::vector<RunEntry> runs;
    bool demo = false;
    std::string demoCorpus;                   // the demo's pretraining text (empty unless demo)
    std::optional<nlohmann::json> evaluation;  // the newest evaluation file's object
    std::string evaluationFile;

    // The newest run of `kind` (by id), or nullptr.
    const RunEntry* lastRun(const std::string& kind) const;
    // The final checkpoint of the newest finished run of `kind`, or empty.
    std::string finishedCheckpoint(const std::string& kind) const;
};

PipelineSnapshot loadPipelineSnapshot(data::ProjectStore& store);

// The metric a step's card shows for a run of `kind`: validation accuracy for the reward model, the
// validation score for PPO, validation loss otherwise (the headline of a run that has none yet).
std::string pipelineMetricOf(const std::string& kind);

}  // namespace rlhf::widgets
