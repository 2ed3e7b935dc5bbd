#pragma once
// What the Compare view puts side by side for each selected run, read from the project and the run's
// newest checkpoint (off the UI thread): the architecture and its size from the checkpoint's config.json,
// the training speed (median tokens_per_s over the run's steps) and where its losses ended.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/ProjectStore.h"

namespace rlhf::widgets {

struct ComparedRun {
    int64_t id = 0;
    std::string kind, checkpoint;          // checkpoint: the newest, empty when the run has none
    std::string family;                    // gpt2, llama or mamba; empty when the checkpoint cannot be read
    std::string shape;                     // layers × width and heads or state: "4 × 128 · 4 heads", "4 × 128 · state 16"
    double parameters = 0;
    int64_t steps = 0;
    std::optional<double> tokensPerSecond;  // median of tokens_per_s
    std::optional<double> loss, valLoss;    // the last logged values
};

// `runs`: (id, kind, newest checkpoint or "") in the order to show.
std::vector<ComparedRun> compareRuns(data::ProjectStore& store, const std::vector<std::tuple<int64_t, std::string, std::string>>& runs);

// "98.2 k", "124 M": a parameter count as the table shows it.
std::string parameterText(double parameters);

}  // namespace rlhf::widgets
