#include "pipeline/PipelineSnapshot.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data/RunStore.h"
#include "demo/DemoProject.h"

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

std::optional<double> lastValue(data::RunStore& runs, int64_t runId, const std::string& name) {
    const auto points = runs.metric(runId, name);
    if (points.empty()) return std::nullopt;
    return points.back().value;
}

}  // namespace

const RunEntry* PipelineSnapshot::lastRun(const std::string& kind) const {
    const RunEntry* last = nullptr;
    for (const auto& r : runs)
        if (r.row.kind == kind && (!last || r.row.id > last->row.id)) last = &r;
    return last;
}

std::string PipelineSnapshot::finishedCheckpoint(const std::string& kind) const {
    const RunEntry* best = nullptr;
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
    s.runs = loadRunSnapshot(store);
    data::RunStore runs(store.database());
    for (auto& r : s.runs) {  // the board's metric in place of the list's headline
        const std::string name = pipelineMetricOf(r.row.kind);
        if (auto v = lastValue(runs, r.row.id, name)) {
            r.headlineName = name;
            r.headline = v;
        }
    }
    s.demo = demo::demoSettings(store.database()).has_value();
    if (s.demo) s.demoCorpus = demo::demoCorpusPath(store.checkpointsDirectory());
    readNewestEvaluation(store.checkpointsDirectory() + "/evaluations", s);
    return s;
}

}  // namespace rlhf::widgets
