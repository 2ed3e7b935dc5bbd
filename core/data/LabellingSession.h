#pragma once
// One labeller's sitting at the Ranking panel (docs/labelling.md): a labelling_sessions row with the
// guideline version and the shuffle seed; the items this labeller has not judged, in item order (those
// assigned to them, and those assigned to nobody), each shown in an order shuffled from the seed and
// the item; judgements committed one transaction each before the caller moves on, with the time taken;
// the last judgement of the sitting can be taken back.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"
#include "data/RankingStore.h"

namespace rlhf::data {

struct ShownItem {
    LabelItem item;
    std::vector<int> order;     // order[p]: the item index of the response shown at position p
    std::vector<int> shown() const;  // shown()[i]: the position response i is shown at
};

struct SessionPace {
    int64_t judgements = 0;     // this sitting
    double seconds = 0;         // their time taken, summed
    double secondsPerItem() const { return judgements ? seconds / static_cast<double>(judgements) : 0; }
    double itemsPerHour() const { return seconds > 0 ? 3600.0 * static_cast<double>(judgements) / seconds : 0; }
};

class LabellingSession {
public:
    LabellingSession(Database& db, std::string labeller, std::string guideline, uint64_t shuffleSeed);
    ~LabellingSession();  // records the end of the sitting
    LabellingSession(const LabellingSession&) = delete;
    LabellingSession& operator=(const LabellingSession&) = delete;

    // The first item after `afterItemId` this labeller has not judged (wrapping to the start once).
    std::optional<ShownItem> next(int64_t afterItemId = 0);
    ShownItem show(const LabelItem& item) const;  // the item in this sitting's shuffled order

    // Commits the judgement (labeller and guideline filled in) in its own transaction.
    void submit(int64_t itemId, labelling::Judgement judgement, double secondsTaken);
    // Deletes this sitting's last judgement; its item id, or nothing when there is none left to take back.
    std::optional<int64_t> takeBack();

    // All sittings: counted when the sitting starts (rankings has no labeller index: a scan), then kept
    // up to date by this sitting's own submits and take-backs, so showing an item costs no count.
    int64_t judgedByLabeller() const { return judged_; }
    int64_t items();               // in the project
    const SessionPace& pace() const { return pace_; }
    const std::string& labeller() const { return labeller_; }
    int64_t sessionId() const { return sessionId_; }

private:
    std::optional<int64_t> firstUnjudged(int64_t afterItemId);

    Database& db_;
    RankingStore store_;
    std::string labeller_, guideline_;
    uint64_t seed_;
    int64_t labellerId_ = 0, sessionId_ = 0, judged_ = 0;
    std::vector<std::pair<int64_t, double>> submitted_;  // (item, seconds) of this sitting, for takeBack
    SessionPace pace_;
};

}  // namespace rlhf::data
