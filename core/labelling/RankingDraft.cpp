#include "labelling/RankingDraft.h"

#include <algorithm>

namespace rlhf::labelling {

RankingDraft::RankingDraft(int responses) : responses_(responses) {}

bool RankingDraft::pick(int response) {
    if (response < 0 || response >= responses_ || rankOf(response) > 0) return false;
    groups_.push_back({response});
    picked_.push_back(response);
    return true;
}

bool RankingDraft::tieWithPrevious() {
    if (groups_.size() < 2) return false;
    auto& previous = groups_[groups_.size() - 2];
    previous.insert(previous.end(), groups_.back().begin(), groups_.back().end());
    groups_.pop_back();
    return true;
}

bool RankingDraft::undo() {
    if (picked_.empty()) return false;
    const int last = picked_.back();
    picked_.pop_back();
    for (auto& g : groups_) g.erase(std::remove(g.begin(), g.end(), last), g.end());
    groups_.erase(std::remove_if(groups_.begin(), groups_.end(), [](const auto& g) { return g.empty(); }), groups_.end());
    return true;
}

void RankingDraft::clear() {
    groups_.clear();
    picked_.clear();
}

bool RankingDraft::moveTo(int response, int group) {
    if (response < 0 || response >= responses_ || group < 0 || group > static_cast<int>(groups_.size())) return false;
    const bool wasRanked = rankOf(response) > 0;
    if (wasRanked) {
        // Where its own group empties out, the target index shifts down by one.
        const int from = rankOf(response) - 1;
        auto& own = groups_[static_cast<size_t>(from)];
        own.erase(std::remove(own.begin(), own.end(), response), own.end());
        if (own.empty()) {
            groups_.erase(groups_.begin() + from);
            if (group > from) --group;
        }
    }
    if (group >= static_cast<int>(groups_.size())) groups_.push_back({response});
    else groups_[static_cast<size_t>(group)].push_back(response);
    rebuildPicked();
    if (!wasRanked) {
        picked_.erase(std::remove(picked_.begin(), picked_.end(), response), picked_.end());
        picked_.push_back(response);
    }
    return true;
}

void RankingDraft::rebuildPicked() {
    std::vector<int> kept;
    for (int r : picked_)
        if (rankOf(r) > 0) kept.push_back(r);
    picked_ = kept;
}

void RankingDraft::completeWithTheRest() {
    for (int r = 0; r < responses_; ++r)
        if (rankOf(r) == 0) pick(r);
}

int RankingDraft::rankOf(int response) const {
    for (size_t g = 0; g < groups_.size(); ++g)
        if (std::find(groups_[g].begin(), groups_[g].end(), response) != groups_[g].end()) return static_cast<int>(g) + 1;
    return 0;
}

}  // namespace rlhf::labelling
