#pragma once
// A ranking being made at the keyboard (docs/labelling.md): each pick appends a response as the next
// best; "tie" merges the last pick's group into the group before it; undo removes the last pick. Indexes
// are the item's; the panel maps the keys 1–9 (shown positions) to them.

#include <vector>

namespace rlhf::labelling {

class RankingDraft {
public:
    explicit RankingDraft(int responses = 0);

    bool pick(int response);     // false when already ranked or out of range
    bool tieWithPrevious();      // false when the last group is the first one
    bool undo();                 // false when nothing is picked
    void clear();
    // Moves `response` (ranked or not) to tie group `group` (0 = best; == groups().size() a new last group);
    // empty groups disappear. For drag and drop.
    bool moveTo(int response, int group);

    int size() const { return static_cast<int>(picked_.size()); }
    bool complete() const { return size() == responses_; }
    // Complete, or one response short: then it is ranked last on its own (Enter submits).
    bool completable() const { return size() >= responses_ - 1; }
    void completeWithTheRest();
    int rankOf(int response) const;  // 1 = best, 0 unranked
    const std::vector<std::vector<int>>& groups() const { return groups_; }
    int responses() const { return responses_; }

private:
    void rebuildPicked();

    int responses_;
    std::vector<std::vector<int>> groups_;  // best first, in pick order within
    std::vector<int> picked_;               // in pick order
};

}  // namespace rlhf::labelling
