#include "train/LearningRateSchedule.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rlhf::train {

double LearningRateSchedule::at(int64_t step) const {
    const double done = static_cast<double>(std::max<int64_t>(0, step - 1));  // the scheduler's current_step
    const auto warmup = static_cast<double>(warmupSteps);
    if (done < warmup) return peak * done / std::max(1.0, warmup);
    if (kind == "constant") return peak;
    const double progress = (done - warmup) / std::max(1.0, static_cast<double>(maxSteps) - warmup);
    const double factor = kind == "linear" ? std::max(0.0, 1.0 - progress) : 0.5 * (1.0 + std::cos(M_PI * progress));
    return std::max(0.0, minLr + (peak - minLr) * factor);
}

bool isScheduleKind(const std::string& kind) { return kind == "cosine" || kind == "linear" || kind == "constant"; }

void readScheduleSetting(const nlohmann::json& j, std::string& field, const std::string& origin) {
    if (!j.contains("schedule")) return;
    const auto& v = j["schedule"];
    if (!v.is_string() || !isScheduleKind(v.get<std::string>()))
        throw std::invalid_argument(origin + ": schedule must be \"cosine\", \"linear\" or \"constant\", found " + v.dump());
    field = v.get<std::string>();
}

}  // namespace rlhf::train
