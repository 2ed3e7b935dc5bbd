#include "data/MetricsRecorder.h"

namespace rlhf::data {

void MetricsRecorder::add(int64_t step, const std::map<std::string, double>& values) {
    pending_.emplace_back(step, values);
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - lastWrite_;
    if (pending_.size() >= kMaxPendingSteps || since.count() >= kMaxPendingSeconds) flush();
}

void MetricsRecorder::flush() {
    lastWrite_ = std::chrono::steady_clock::now();
    if (pending_.empty()) return;
    runs_.recordMetrics(runId_, pending_);
    pending_.clear();
}

}  // namespace rlhf::data
