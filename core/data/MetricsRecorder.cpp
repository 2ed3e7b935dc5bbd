#include "data/MetricsRecorder.h"

#include "util/Clock.h"

namespace rlhf::data {

void MetricsRecorder::add(int64_t step, const std::map<std::string, double>& values) {
    pending_.push_back({step, unixSeconds(), values});
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - lastWrite_;
    if (pending_.size() < kMaxPendingSteps && since.count() < kMaxPendingSeconds) return;
    try {
        flush();
    } catch (const StoreError& e) {  // the steps stay pending for the next write
        lastError_ = e.what();
    }
}

void MetricsRecorder::flush() {
    lastWrite_ = std::chrono::steady_clock::now();
    if (pending_.empty()) return;
    runs_.recordMetrics(runId_, pending_);  // one transaction: on StoreError nothing was written
    pending_.clear();
}

}  // namespace rlhf::data
