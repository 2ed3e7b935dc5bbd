#include "data/RankingStore.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "data/ContentHash.h"
#include "data/RecordFormat.h"
#include "data/SearchIndex.h"
#include "data/Splits.h"
#include "util/Clock.h"

namespace rlhf::data {

using labelling::Judgement;

namespace {

// Order-free identity of a set of responses: their content hashes sorted, then chained.
int64_t setHashOf(std::vector<uint64_t> hashes) {
    std::sort(hashes.begin(), hashes.end());
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (uint64_t x : hashes) h = mix64(h ^ x);
    return static_cast<int64_t>(h);
}

std::string flagsJson(const std::vector<std::string>& flags) { return flags.empty() ? std::string() : nlohmann::json(flags).dump(); }

std::vector<std::string> flagsFrom(const std::string& text) {
    if (text.empty()) return {};
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

std::optional<std::string> ratingsJson(const std::vector<std::optional<int>>& ratings) {
    if (ratings.empty()) return std::nullopt;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : ratings) list.push_back(r ? nlohmann::json(*r) : nlohmann::json());
    return list.dump();
}

std::vector<std::optional<int>> ratingsFrom(const std::string& text) {
    std::vector<std::optional<int>> out;
    for (const auto& v : nlohmann::json::parse(text)) out.push_back(v.is_null() ? std::nullopt : std::optional<int>(v.get<int>()));
    return out;
}

}  // namespace

RankingStore::RankingStore(Database& db) : db_(db) {}

StatementLease RankingStore::statement(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
    return StatementLease(it->second);
}

int64_t RankingStore::findPrompt(const std::string& text, uint64_t hash) {
    auto q = statement("SELECT id FROM prompts WHERE hash = ?1 AND messages IS NULL AND text = ?2 ORDER BY id LIMIT 1");
    q->bind(1, static_cast<int64_t>(hash)).bind(2, std::string_view(text));
    return q->step() ? q->columnInt(0) : 0;
}

int64_t RankingStore::responseOf(int64_t promptId, const std::string& text, bool& created) {
    const uint64_t hash = contentHashOf(Content{text, std::nullopt});
    auto find = statement("SELECT id FROM responses WHERE prompt_id = ?1 AND hash = ?2 AND messages IS NULL AND text = ?3 ORDER BY id LIMIT 1");
    find->bind(1, promptId).bind(2, static_cast<int64_t>(hash)).bind(3, std::string_view(text));
    created = !find->step();
    if (!created) return find->columnInt(0);
    auto insert = statement("INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (?1, ?2, ?3, 'import', ?4)");
    insert->bind(1, promptId).bind(2, std::string_view(text)).bind(3, static_cast<int64_t>(hash)).bind(4, unixSeconds()).run();
    const int64_t id = db_.lastInsertId();
    // statements_ keys are views: the SQL must outlive the store.
    static const std::string indexResponse = "INSERT INTO responses_fts(rowid, text) SELECT ?1, ?2 WHERE " + notPendingSql("responses", "?1");
    statement(indexResponse)->bind(1, id).bind(2, std::string_view(text)).run();
    return id;
}

LabelItem RankingStore::ensureItem(const std::string& prompt, const std::vector<std::string>& responses,
                                   const std::vector<std::string>& origins, const std::string& source, bool& created,
                                   std::vector<int>& order) {
    const uint64_t promptHash = contentHashOf(Content{prompt, std::nullopt});
    int64_t promptId = findPrompt(prompt, promptHash);
    if (promptId == 0) {
        if (!splits_) splits_ = readSplitSettings(db_);
        const SplitSettings& splits = *splits_;
        auto insert = statement("INSERT INTO prompts(text, hash, source, split, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert->bind(1, std::string_view(prompt)).bind(2, static_cast<int64_t>(promptHash)).bind(3, std::string_view(source));
        insert->bind(4, std::string_view(splitFor(promptHash, splits.seed, splits.ratios))).bind(5, unixSeconds()).run();
        promptId = db_.lastInsertId();
        static const std::string indexPrompt = "INSERT INTO prompts_fts(rowid, text) SELECT ?1, ?2 WHERE " + notPendingSql("prompts", "?1");
        statement(indexPrompt)->bind(1, promptId).bind(2, std::string_view(prompt)).run();
    }
    std::vector<int64_t> ids;
    std::vector<uint64_t> hashes;
    for (const auto& text : responses) {
        bool newResponse = false;
        ids.push_back(responseOf(promptId, text, newResponse));
        hashes.push_back(contentHashOf(Content{text, std::nullopt}));
    }
    const int64_t setHash = setHashOf(hashes);
    std::vector<int64_t> sortedIds = ids;
    std::sort(sortedIds.begin(), sortedIds.end());
    auto candidates = statement("SELECT id FROM label_items WHERE prompt_id = ?1 AND set_hash = ?2 ORDER BY id");
    candidates->bind(1, promptId).bind(2, setHash);
    std::optional<LabelItem> found;
    while (!found && candidates->step()) {
        auto existing = item(candidates->columnInt(0));
        std::vector<int64_t> theirs = existing->responseIds;
        std::sort(theirs.begin(), theirs.end());
        if (theirs == sortedIds) found = std::move(existing);
    }
    created = !found;
    if (created) {
        statement("INSERT INTO label_items(prompt_id, set_hash, created_at) VALUES (?1, ?2, ?3)")->bind(1, promptId).bind(2, setHash).bind(3, unixSeconds()).run();
        const int64_t itemId = db_.lastInsertId();
        auto position = statement("INSERT INTO label_item_responses(item_id, position, response_id, origin) VALUES (?1, ?2, ?3, ?4)");
        for (size_t i = 0; i < ids.size(); ++i)
            position->bind(1, itemId).bind(2, static_cast<int64_t>(i)).bind(3, ids[i]).bind(4, std::string_view(i < origins.size() ? origins[i] : "")).run();
        found = item(itemId);
    }
    order.assign(ids.size(), 0);
    for (size_t i = 0; i < ids.size(); ++i)
        order[i] = static_cast<int>(std::find(found->responseIds.begin(), found->responseIds.end(), ids[i]) - found->responseIds.begin());
    auto fillOrigin = statement("UPDATE label_item_responses SET origin = ?3 WHERE item_id = ?1 AND position = ?2 AND origin = ''");
    for (size_t i = 0; i < origins.size() && i < ids.size(); ++i)
        if (!origins[i].empty() && found->origins[static_cast<size_t>(order[i])].empty()) {
            fillOrigin->bind(1, found->id).bind(2, static_cast<int64_t>(order[i])).bind(3, std::string_view(origins[i])).run();
            found->origins[static_cast<size_t>(order[i])] = origins[i];
        }
    return *found;
}

std::optional<LabelItem> RankingStore::item(int64_t itemId) {
    auto q = statement(
        "SELECT i.prompt_id, p.text, coalesce(p.split, ''), x.response_id, r.text, x.origin, i.round FROM label_items i "
        "JOIN prompts p ON p.id = i.prompt_id JOIN label_item_responses x ON x.item_id = i.id "
        "JOIN responses r ON r.id = x.response_id WHERE i.id = ?1 ORDER BY x.position");
    q->bind(1, itemId);
    std::optional<LabelItem> out;
    while (q->step()) {
        if (!out) out = LabelItem{itemId, q->columnInt(0), q->columnText(1), q->columnText(2), q->columnText(6), {}, {}, {}};
        out->responseIds.push_back(q->columnInt(3));
        out->responses.push_back(q->columnText(4));
        out->origins.push_back(q->columnText(5));
    }
    return out;
}

void RankingStore::setRound(int64_t itemId, const std::string& round) {
    statement("UPDATE label_items SET round = ?2 WHERE id = ?1")->bind(1, itemId).bind(2, std::string_view(round)).run();
}

int64_t RankingStore::labellerId(const std::string& name) {
    auto find = statement("SELECT id FROM labellers WHERE name = ?1");
    find->bind(1, std::string_view(name));
    if (find->step()) return find->columnInt(0);
    statement("INSERT INTO labellers(name, created_at) VALUES (?1, ?2)")->bind(1, std::string_view(name)).bind(2, unixSeconds()).run();
    return db_.lastInsertId();
}

std::vector<std::string> RankingStore::labellers() {
    std::vector<std::string> out;
    auto q = statement("SELECT name FROM labellers ORDER BY name");
    while (q->step()) out.push_back(q->columnText(0));
    return out;
}

Judgement RankingStore::readJudgement(int64_t rankingId, size_t k) {
    auto q = statement(
        "SELECT l.name, k.all_bad, k.flags, k.rationale, k.ratings, k.guideline_version, k.created_at, k.seconds_taken "
        "FROM rankings k JOIN labellers l ON l.id = k.labeller_id WHERE k.id = ?1");
    q->bind(1, rankingId);
    q->step();
    Judgement j;
    j.labeller = q->columnText(0);
    j.unrankable = q->columnInt(1) != 0;
    j.flags = flagsFrom(q->columnText(2));
    j.rationale = q->columnText(3);
    if (!q->columnIsNull(4)) j.ratings = ratingsFrom(q->columnText(4));
    j.guideline = q->columnText(5);
    j.createdAt = q->columnDouble(6);
    if (!q->columnIsNull(7)) j.secondsTaken = q->columnDouble(7);
    auto items = statement(
        "SELECT x.position, i.rank, i.shown_position FROM ranking_items i JOIN rankings k ON k.id = i.ranking_id "
        "JOIN label_item_responses x ON x.item_id = k.item_id AND x.response_id = i.response_id WHERE i.ranking_id = ?1");
    items->bind(1, rankingId);
    std::map<int64_t, std::vector<int>> groups;
    std::vector<int> shown(k, -1);
    while (items->step()) {
        const auto position = static_cast<size_t>(items->columnInt(0));
        if (items->columnInt(1) > 0) groups[items->columnInt(1)].push_back(static_cast<int>(position));
        if (position < k) shown[position] = static_cast<int>(items->columnInt(2));
    }
    for (auto& [rank, group] : groups) j.ranking.push_back(group);
    if (std::find(shown.begin(), shown.end(), -1) == shown.end()) j.shown = shown;
    labelling::canonicalise(j);
    return j;
}

std::optional<Judgement> RankingStore::judgementOf(int64_t itemId, const std::string& labeller) {
    auto q = statement("SELECT k.id, (SELECT count(*) FROM label_item_responses x WHERE x.item_id = k.item_id) FROM rankings k "
                         "JOIN labellers l ON l.id = k.labeller_id WHERE k.item_id = ?1 AND l.name = ?2");
    q->bind(1, itemId).bind(2, std::string_view(labeller));
    if (!q->step()) return std::nullopt;
    return readJudgement(q->columnInt(0), static_cast<size_t>(q->columnInt(1)));
}

bool RankingStore::remove(int64_t itemId, const std::string& labeller) {
    auto q = statement("DELETE FROM rankings WHERE item_id = ?1 AND labeller_id = (SELECT id FROM labellers WHERE name = ?2)");
    q->bind(1, itemId).bind(2, std::string_view(labeller)).run();
    return db_.queryInt("SELECT changes()") > 0;
}

JudgementOutcome RankingStore::record(int64_t itemId, const Judgement& j, ReplacePolicy policy, std::optional<int64_t> sessionId) {
    const auto it = item(itemId);
    if (!it) throw StoreError(db_.path() + ": no item " + std::to_string(itemId));
    JudgementOutcome outcome = JudgementOutcome::Added;
    if (const auto earlier = judgementOf(itemId, j.labeller)) {
        if (earlier->sameAs(j)) return JudgementOutcome::Duplicate;
        if (policy == ReplacePolicy::IfLater && earlier->createdAt > j.createdAt) return JudgementOutcome::KeptNewer;
        remove(itemId, j.labeller);
        outcome = JudgementOutcome::Replaced;
    }
    auto insert = statement(
        "INSERT INTO rankings(prompt_id, labeller_id, guideline_version, seconds_taken, all_bad, flags, rationale, created_at, item_id, ratings, session_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert->bind(1, it->promptId).bind(2, labellerId(j.labeller)).bind(3, std::string_view(j.guideline)).bind(4, j.secondsTaken);
    insert->bind(5, int64_t(j.unrankable ? 1 : 0)).bind(6, std::string_view(flagsJson(j.flags))).bind(7, std::string_view(j.rationale));
    insert->bind(8, j.createdAt > 0 ? j.createdAt : unixSeconds()).bind(9, itemId).bind(10, ratingsJson(j.ratings));
    if (sessionId) insert->bind(11, *sessionId);
    insert->run();
    const int64_t rankingId = db_.lastInsertId();
    const std::vector<int> ranks = j.ranksOf(static_cast<int>(it->responses.size()));
    auto row = statement("INSERT INTO ranking_items(ranking_id, response_id, rank, shown_position) VALUES (?1, ?2, ?3, ?4)");
    for (size_t p = 0; p < ranks.size(); ++p)
        row->bind(1, rankingId).bind(2, it->responseIds[p]).bind(3, int64_t(ranks[p])).bind(4, int64_t(j.shown.empty() ? -1 : j.shown[p])).run();
    return outcome;
}

std::vector<Judgement> RankingStore::judgementsOf(int64_t itemId) {
    std::vector<std::pair<int64_t, size_t>> ids;
    auto q = statement("SELECT k.id, (SELECT count(*) FROM label_item_responses x WHERE x.item_id = k.item_id) FROM rankings k "
                         "JOIN labellers l ON l.id = k.labeller_id WHERE k.item_id = ?1 ORDER BY l.name");
    q->bind(1, itemId);
    while (q->step()) ids.emplace_back(q->columnInt(0), static_cast<size_t>(q->columnInt(1)));
    std::vector<Judgement> out;
    for (const auto& [id, k] : ids) out.push_back(readJudgement(id, k));
    return out;
}

void RankingStore::forEachItem(const std::function<void(const LabelItem&, const std::vector<Judgement>&)>& visit) {
    std::vector<int64_t> ids;
    auto q = statement("SELECT id FROM label_items ORDER BY id");
    while (q->step()) ids.push_back(q->columnInt(0));
    for (int64_t id : ids)
        if (auto it = item(id)) visit(*it, judgementsOf(id));
}

int64_t RankingStore::itemCount() { return db_.queryInt("SELECT count(*) FROM label_items"); }

}  // namespace rlhf::data
