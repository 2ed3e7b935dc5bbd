#include "runs/CheckpointRetention.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "train/StageHeadlines.h"

namespace rlhf::widgets {

// The validation value of the stage's headline metric: val_loss (lower is better), PPO's
// val_objective/scores (higher is better).
RetentionRule retentionRuleFor(const std::string& kind, int keepLast) {
    const std::string& headline = train::stageHeadlines(kind).front().first;
    return {keepLast, "val_" + headline, headline == "objective/scores"};
}

std::vector<int64_t> checkpointsToDelete(const std::vector<data::CheckpointRow>& checkpoints,
                                         const std::vector<data::MetricPoint>& points, const RetentionRule& rule,
                                         const std::set<std::string>& inUse) {
    std::vector<data::CheckpointRow> byStep = checkpoints;
    std::sort(byStep.begin(), byStep.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    std::set<int64_t> keep;
    for (size_t i = byStep.size() > size_t(rule.keepLast) ? byStep.size() - size_t(rule.keepLast) : 0; i < byStep.size(); ++i)
        keep.insert(byStep[i].id);
    std::map<int64_t, double> evaluations;  // step → value
    for (const auto& p : points) evaluations[p.step] = p.value;
    std::optional<int64_t> best;
    double bestValue = 0;
    for (const auto& c : byStep) {
        auto at = evaluations.upper_bound(c.step);  // the latest evaluation at or before the checkpoint
        if (at == evaluations.begin()) continue;
        const double value = std::prev(at)->second;
        if (!best || (rule.higherIsBetter ? value > bestValue : value < bestValue)) best = c.id, bestValue = value;
    }
    if (best && !rule.metric.empty()) keep.insert(*best);
    std::vector<int64_t> out;
    for (const auto& c : byStep)
        if (!keep.count(c.id) && !inUse.count(c.path)) out.push_back(c.id);
    return out;
}

std::vector<int64_t> runsUsing(const std::vector<RunEntry>& runs, const std::string& path) {
    std::vector<int64_t> out;
    for (const auto& e : runs)
        for (const char* key : {"model", "reward_model"})
            if (e.config.value(key, std::string()) == path) {
                out.push_back(e.row.id);
                break;
            }
    return out;
}

std::set<std::string> checkpointsInUse(const std::vector<RunEntry>& runs) {
    std::set<std::string> out;
    for (const auto& e : runs)
        for (const char* key : {"model", "reward_model"})
            if (const std::string path = e.config.value(key, std::string()); !path.empty()) out.insert(path);
    return out;
}

}  // namespace rlhf::widgets
