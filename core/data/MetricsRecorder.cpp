#include "data/MetricsRecorder.h"

#include "util/Clock.h"

namespace rlhf::data {

void MetricsRecorder::add(int64_t step, const std::map<std::string, double>& values) {
    pending_.push_back({step, unixSeconds(), values});
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - lastWrite_;
    if (pending_.size() >= kMaxPendingSteps || since.count() >= kMaxPendingSeconds) flush();
}

bool MetricsRecorder::flush() {
    lastWrite_ = std::chrono::steady_clock::now();
    if (pending_.empty()) return true;
    try {
        runs_.recordMetrics(runId_, pending_);
    } catch (const StoreError& e) {
        lastError_ = e.what();
        return false;
    }
    pending_.clear();
    return true;
}

}  // namespace rlhf::data
