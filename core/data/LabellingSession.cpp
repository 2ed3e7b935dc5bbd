#include "data/LabellingSession.h"

#include <nlohmann/json.hpp>

#include "data/ContentHash.h"
#include "data/LabellingPackage.h"
#include "util/Clock.h"

namespace rlhf::data {

std::vector<int> ShownItem::shown() const {
    std::vector<int> out(order.size(), 0);
    for (size_t p = 0; p < order.size(); ++p) out[static_cast<size_t>(order[p])] = static_cast<int>(p);
    return out;
}

LabellingSession::LabellingSession(Database& db, std::string labeller, std::string guideline, uint64_t shuffleSeed)
    : db_(db), store_(db), labeller_(std::move(labeller)), guideline_(std::move(guideline)), seed_(shuffleSeed) {
    Transaction tx(db_);
    labellerId_ = store_.labellerId(labeller_);
    const std::string settings = nlohmann::json{{"shuffle_seed", std::to_string(seed_)}}.dump();
    auto insert = db_.prepare("INSERT INTO labelling_sessions(labeller_id, guideline_version, settings, started_at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, labellerId_).bind(2, std::string_view(guideline_)).bind(3, std::string_view(settings)).bind(4, unixSeconds()).run();
    sessionId_ = db_.lastInsertId();
    auto judged = db_.prepare("SELECT count(*) FROM rankings WHERE labeller_id = ?1 AND item_id IS NOT NULL");
    judged.bind(1, labellerId_);
    judged_ = judged.step() ? judged.columnInt(0) : 0;
    judged.reset();
    refreshPackageDigest(db_);
    tx.commit();
}

LabellingSession::~LabellingSession() {
    try {
        db_.prepare("UPDATE labelling_sessions SET ended_at = ?1 WHERE id = ?2").bind(1, unixSeconds()).bind(2, sessionId_).run();
    } catch (const std::exception&) {  // a destructor must not throw; the sitting just has no end time
    }
}

std::optional<int64_t> LabellingSession::firstUnjudged(int64_t afterItemId) {
    auto q = db_.prepare(
        "SELECT i.id FROM label_items i WHERE i.id > ?2 "
        "AND NOT EXISTS (SELECT 1 FROM rankings k WHERE k.item_id = i.id AND k.labeller_id = ?1) "
        "AND (NOT EXISTS (SELECT 1 FROM label_assignments a WHERE a.item_id = i.id) "
        "     OR EXISTS (SELECT 1 FROM label_assignments a WHERE a.item_id = i.id AND a.labeller_id = ?1)) "
        "ORDER BY i.id LIMIT 1");
    q.bind(1, labellerId_).bind(2, afterItemId);
    if (q.step()) return q.columnInt(0);
    return std::nullopt;
}

std::optional<ShownItem> LabellingSession::next(int64_t afterItemId) {
    auto id = firstUnjudged(afterItemId);
    if (!id && afterItemId > 0) id = firstUnjudged(0);
    if (!id) return std::nullopt;
    return show(*store_.item(*id));
}

ShownItem LabellingSession::show(const LabelItem& item) const {
    ShownItem s{item, {}};
    for (size_t i = 0; i < item.responses.size(); ++i) s.order.push_back(static_cast<int>(i));
    uint64_t state = mix64(seed_ ^ mix64(static_cast<uint64_t>(item.id)));
    for (size_t i = s.order.size(); i > 1; --i) {  // Fisher–Yates
        state = mix64(state + 0x9e3779b97f4a7c15ull);
        std::swap(s.order[i - 1], s.order[static_cast<size_t>(state % i)]);
    }
    return s;
}

void LabellingSession::submit(int64_t itemId, labelling::Judgement j, double secondsTaken) {
    j.labeller = labeller_;
    j.guideline = guideline_;
    j.secondsTaken = secondsTaken;
    j.createdAt = unixSeconds();
    labelling::canonicalise(j);
    Transaction tx(db_);
    const JudgementOutcome outcome = store_.record(itemId, j, ReplacePolicy::Always, sessionId_);
    refreshPackageDigest(db_);
    tx.commit();
    submitted_.emplace_back(itemId, secondsTaken);
    judged_ += outcome == JudgementOutcome::Added;
    ++pace_.judgements;
    pace_.seconds += secondsTaken;
}

std::optional<int64_t> LabellingSession::takeBack() {
    if (submitted_.empty()) return std::nullopt;
    const auto [itemId, seconds] = submitted_.back();
    Transaction tx(db_);
    judged_ -= store_.remove(itemId, labeller_);
    refreshPackageDigest(db_);
    tx.commit();
    submitted_.pop_back();
    --pace_.judgements;
    pace_.seconds -= seconds;
    return itemId;
}

int64_t LabellingSession::items() { return store_.itemCount(); }

}  // namespace rlhf::data
