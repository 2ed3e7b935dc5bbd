#pragma once
// Batches a run's metric rows into the project file: a step is not a transaction (and not an fsync).
// Pending steps are written when kMaxPendingSteps have gathered or kMaxPendingSeconds have passed since
// the last write, and always on flush(): before a checkpoint is recorded (what a checkpoint covers is
// never lost), when the run pauses, and when it ends. A write that fails (the project busy past SQLite's
// timeout: the window importing a large file) keeps its steps for the next write: add() never throws, so
// recording never ends a run; flush() throws StoreError for its caller to retry. Each step keeps the time
// it ended. Not thread-safe: the training thread owns it.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/RunStore.h"

namespace rlhf::data {

class MetricsRecorder {
public:
    static constexpr size_t kMaxPendingSteps = 256;
    static constexpr double kMaxPendingSeconds = 2.0;

    MetricsRecorder(RunStore& runs, int64_t runId) : runs_(runs), runId_(runId) {}
    void add(int64_t step, const std::map<std::string, double>& values);
    void flush();  // StoreError when the project refused them (the steps stay pending)
    const std::string& lastError() const { return lastError_; }  // of add()'s last refused write
    size_t pendingSteps() const { return pending_.size(); }

private:
    RunStore& runs_;
    int64_t runId_;
    std::vector<StepValues> pending_;
    std::string lastError_;
    std::chrono::steady_clock::time_point lastWrite_ = std::chrono::steady_clock::now();
};

}  // namespace rlhf::data
