#pragma once
// Training runs in the project file: the run row (kind, config, status, seed), its metrics (one row per
// name and step) and its checkpoints (path and SHA-256). The trainer never sees this: the command that
// starts a run records what the trainer reports.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct RunRow {
    int64_t id = 0;
    std::string kind, name, status, message, config;
    int64_t seed = 0;
    double createdAt = 0;
    std::optional<double> finishedAt;
    int64_t lastStep = 0;
    std::optional<std::string> lastCheckpoint;
};

class RunStore {
public:
    explicit RunStore(Database& db) : db_(db) {}
    int64_t createRun(const std::string& kind, const std::string& name, const std::string& configJson, int64_t seed);
    void setConfig(int64_t runId, const std::string& configJson);
    void setStatus(int64_t runId, const std::string& status, const std::string& message = {});  // finished/stopped/failed set finished_at
    // One step's values in one transaction; a resumed run rewrites its later steps.
    void recordMetrics(int64_t runId, int64_t step, const std::map<std::string, double>& values);
    void recordCheckpoint(int64_t runId, int64_t step, const std::string& path, const std::string& sha256);
    std::vector<RunRow> runs();
    std::optional<RunRow> run(int64_t runId);

private:
    Database& db_;
};

}  // namespace rlhf::data
