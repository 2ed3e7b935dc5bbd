#include "pipeline/PipelineSnapshot.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data/RunStore.h"
#include "demo/DemoProject.h"
#include "runs/RunSnapshot.h"
#include "train/RunLock.h"

namespace rlhf::widgets {

namespace fs = std::filesystem;

namespace {

// What `rlhf eval` writes: an object whose "models" are objects (a file edited by hand or from elsewhere
// that is not is left out; the board reads each row's fields by value, with defaults).
bool isEvaluation(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("models") || !j["models"].is_array()) return false;
    for (const auto& key : {"judge", "baseline", "prompts", "split"})
        if (!j.contains(key)) return false;
    return std::all_of(j["models"].begin(), j["models"].end(), [](const nlohmann::json& m) { return m.is_object(); });
}

// evaluations/eval-DATE-TIME[-N].json: the newest written (two written in one second: the later N).
void readNewestEvaluation(const std::string& folder, PipelineSnapshot& s) {
    std::error_code error;
    std::string newest;
    fs::file_time_type newestTime;
    auto later = [](const fs::path& a, fs::file_time_type ta, const std::string& b, fs::file_time_type tb) {
        if (b.empty() || ta != tb) return b.empty() || ta > tb;
        const std::string na = a.filename().string(), nb = fs::path(b).filename().string();
        return na.size() != nb.size() ? na.size() > nb.size() : na > nb;
    };
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() != ".json") continue;
        const auto time = fs::last_write_time(it->path(), error);
        if (!error && later(it->path(), time, newest, newestTime)) {
            newest = it->path().string();
            newestTime = time;
        }
    }
    if (newest.empty()) return;
    std::ifstream in(newest);
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (isEvaluation(j)) {
        s.evaluation = std::move(j);
        s.evaluationFile = newest;
    }
}

}  // namespace

const PipelineRun* PipelineSnapshot::lastRun(const std::string& kind) const {
    const PipelineRun* last = nullptr;
    for (const auto& r : runs)
        if (r.row.kind == kind && (!last || r.row.id > last->row.id)) last = &r;
    return last;
}

std::string PipelineSnapshot::finishedCheckpoint(const std::string& kind) const {
    const PipelineRun* best = nullptr;
    for (const auto& r : runs)
        if (r.row.kind == kind && r.status == "finished" && r.row.lastCheckpoint && (!best || r.row.id > best->row.id)) best = &r;
    return best ? *best->row.lastCheckpoint : std::string();
}

std::string pipelineMetricOf(const std::string& kind) {
    if (kind == "rm") return "val_accuracy";
    if (kind == "ppo") return "val_objective/scores";
    return "val_loss";
}

PipelineSnapshot loadPipelineSnapshot(data::ProjectStore& store) {
    PipelineSnapshot s;
    s.data = data::summarizeTrainingData(store.database());
    data::RunStore runs(store.database());
    for (auto& row : runs.runs()) {
        PipelineRun r;
        r.status = train::observedRunStatus(row.status, data::RunStore::directoryOf(store.checkpointsDirectory(), row.id, row.kind));
        for (const std::string& name : {pipelineMetricOf(row.kind), headlineMetricOf(row.kind)}) {
            r.metricName = name;
            if ((r.metric = runs.latestMetric(row.id, name))) break;
        }
        r.row = std::move(row);
        s.runs.push_back(std::move(r));
    }
    s.demo = demo::demoSettings(store.database()).has_value();
    readNewestEvaluation(store.checkpointsDirectory() + "/evaluations", s);
    return s;
}

}  // namespace rlhf::widgets
