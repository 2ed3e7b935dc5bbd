#pragma once
// Training runs in the project file: the run row (kind, config, status, seed, the checkpoint it started
// from), its metrics (one row per name and step) and its checkpoints (path and SHA-256). The trainer never
// sees this: the command that starts a run records what the trainer reports (MetricsRecorder batches it).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

// Run statuses (schema version 4): queued, running, paused, stopped, finished, failed, interrupted.
struct RunRow {
    int64_t id = 0;
    std::string kind, name, status, message, config;
    int64_t seed = 0;
    double createdAt = 0;
    std::optional<double> finishedAt;
    int64_t lastStep = 0;
    std::optional<std::string> lastCheckpoint;
    std::optional<int64_t> parentCheckpointId, parentRunId;  // the checkpoint (and its run) it started from
};

struct CheckpointRow {
    int64_t id = 0, runId = 0, step = 0;
    std::string path, sha256;
    double createdAt = 0;
};

struct MetricPoint {
    std::string name;
    int64_t step = 0;
    double value = 0, time = 0;
};

struct StepValues {
    int64_t step = 0;
    double time = 0;  // Unix seconds when the step ended
    std::map<std::string, double> values;
};

// A run trained elsewhere, brought in whole (rlhf import-run): its steps' metrics and one checkpoint.
struct FinishedRun {
    std::string kind, name, config, message;
    std::vector<StepValues> steps;
    int64_t checkpointStep = 0;
    std::string checkpointSha256;
};

class RunStore {
public:
    explicit RunStore(Database& db) : db_(db) {}
    int64_t createRun(const std::string& kind, const std::string& name, const std::string& configJson, int64_t seed);
    void setConfig(int64_t runId, const std::string& configJson);
    void setParentCheckpoint(int64_t runId, int64_t checkpointId);
    void setStatus(int64_t runId, const std::string& status, const std::string& message = {});  // ended statuses set finished_at
    // Steps' values in one transaction; a step written again replaces its values.
    void recordMetrics(int64_t runId, const std::vector<StepValues>& steps);
    void recordMetrics(int64_t runId, int64_t step, const std::map<std::string, double>& values);  // at this time
    // A resumed run starts again after its checkpoint's step: the metrics and checkpoint rows it wrote after it go.
    void discardAfterStep(int64_t runId, int64_t step);
    void recordCheckpoint(int64_t runId, int64_t step, const std::string& path, const std::string& sha256);
    // One transaction: the run row (finished), its metrics and its checkpoint, whose path placeCheckpoint
    // returns once it has put the files in place for that run id (if it throws, nothing is recorded).
    int64_t addFinishedRun(const FinishedRun& run, const std::function<std::string(int64_t runId)>& placeCheckpoint);
    std::vector<RunRow> runs();
    std::optional<RunRow> run(int64_t runId);
    // Points of a run with step > afterStep, by name then step.
    std::vector<MetricPoint> metrics(int64_t runId, int64_t afterStep = -1);
    std::vector<MetricPoint> metric(int64_t runId, const std::string& name);  // one metric, by step
    std::optional<double> latestMetric(int64_t runId, const std::string& name);  // its value at the newest step
    std::vector<CheckpointRow> checkpoints(int64_t runId);
    // The checkpoint written at `path` (a project run's), for the lineage of runs that start from it.
    std::optional<CheckpointRow> checkpointAt(const std::string& path);
    void deleteCheckpoint(int64_t checkpointId);
    void deleteRun(int64_t runId);  // its metrics and checkpoints' rows go with it (its directory is the caller's)

    // PROJECT.rlhf.d/runs/ID-KIND: where a project's run keeps its checkpoints and lock.
    static std::string directoryOf(const std::string& checkpointsDirectory, int64_t runId, const std::string& kind);

private:
    void insertMetrics(int64_t runId, const std::vector<StepValues>& steps);
    void insertCheckpoint(int64_t runId, int64_t step, const std::string& path, const std::string& sha256);

    Database& db_;
};

}  // namespace rlhf::data
