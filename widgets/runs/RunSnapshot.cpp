#include "runs/RunSnapshot.h"

#include <filesystem>

#include "data/ProjectStore.h"
#include "model/LlamaConfig.h"
#include "train/RunLock.h"
#include "train/StageHeadlines.h"

namespace rlhf::widgets {

namespace {
int64_t directoryBytes(const std::string& dir) {
    std::error_code ec;
    int64_t total = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
    return total;
}
// The architecture a run trains: a pretraining run's setting, else its start model's model_type; an
// imported run (no start model) is its checkpoint's.
std::string architectureOf(const std::string& kind, const nlohmann::json& config, const std::vector<data::CheckpointRow>& checkpoints) {
    if (kind == "pretrain") return config.value("architecture", std::string("gpt2"));
    if (config.contains("model") && config["model"].is_string()) return model::modelTypeOf(config["model"].get<std::string>());
    if (config.contains("imported_from") && !checkpoints.empty()) return model::modelTypeOf(checkpoints.back().path);
    return {};
}

}  // namespace

std::string headlineMetricOf(const std::string& kind) { return train::stageHeadlines(kind).front().first; }

std::vector<RunEntry> loadRunSnapshot(data::ProjectStore& store) {
    data::RunStore runs(store.database());
    std::vector<RunEntry> out;
    for (auto& row : runs.runs()) {
        RunEntry e;
        e.directory = data::RunStore::directoryOf(store.checkpointsDirectory(), row.id, row.kind);
        e.status = train::observedRunStatus(row.status, e.directory);
        e.config = nlohmann::json::parse(row.config, nullptr, false);
        if (!e.config.is_object()) e.config = nlohmann::json::object();
        e.maxSteps = e.config.value("max_steps", int64_t(0));
        e.headlineName = headlineMetricOf(row.kind);
        e.headline = runs.latestMetric(row.id, e.headlineName);
        e.checkpoints = runs.checkpoints(row.id);
        if (e.config.contains("model") && e.config["model"].is_string()) e.startCheckpoint = runs.checkpointAt(e.config["model"]);
        if (e.config.contains("reward_model") && e.config["reward_model"].is_string())
            e.rewardCheckpoint = runs.checkpointAt(e.config["reward_model"]);
        e.diskBytes = directoryBytes(e.directory);
        e.architecture = architectureOf(row.kind, e.config, e.checkpoints);
        e.row = std::move(row);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace rlhf::widgets
