#include "data/DatasetEdits.h"

#include "util/Clock.h"

#include "data/ContentHash.h"
#include "data/Schema.h"
#include "data/SearchIndex.h"
#include "data/Splits.h"
#include "util/Clock.h"

namespace rlhf::data {

namespace {


std::vector<PromptSnapshot::Row> rowsOf(Database& db, const std::string& sql, int64_t id) {
    std::vector<PromptSnapshot::Row> rows;
    auto q = db.prepare(sql);
    q.bind(1, id);
    while (q.step()) {
        PromptSnapshot::Row row;
        for (int c = 0; c < q.columnCount(); ++c) row.push_back(q.columnValue(c));
        rows.push_back(std::move(row));
    }
    return rows;
}

void insertRows(Database& db, const std::string& table, const std::vector<PromptSnapshot::Row>& rows) {
    if (rows.empty()) return;
    std::string sql = "INSERT INTO " + table + " VALUES (";
    for (size_t c = 1; c <= rows.front().size(); ++c) sql += (c > 1 ? ", ?" : "?") + std::to_string(c);
    auto q = db.prepare(sql + ")");
    for (const auto& row : rows) {
        for (size_t c = 0; c < row.size(); ++c) q.bind(static_cast<int>(c) + 1, row[c]);
        q.run();
    }
}

std::vector<int64_t> idsOf(Database& db, const std::string& sql, int64_t id) {
    std::vector<int64_t> ids;
    auto q = db.prepare(sql);
    q.bind(1, id);
    while (q.step()) ids.push_back(q.columnInt(0));
    return ids;
}

void setPromptOf(Database& db, const char* table, const std::vector<int64_t>& ids, int64_t promptId) {
    auto q = db.prepare(std::string("UPDATE ") + table + " SET prompt_id = ?1 WHERE id = ?2");
    for (int64_t id : ids) q.bind(1, promptId).bind(2, id).run();
}

}  // namespace

void DatasetEdits::setPromptText(int64_t promptId, const std::string& text) {
    Transaction tx(db_);
    auto q = db_.prepare("UPDATE prompts SET text = ?1, hash = ?2 WHERE id = ?3");
    q.bind(1, std::string_view(text)).bind(2, static_cast<int64_t>(contentHash("t", text))).bind(3, promptId).run();
    tx.commit();
}

void DatasetEdits::setResponseText(int64_t responseId, const std::string& text) {
    Transaction tx(db_);
    auto q = db_.prepare("UPDATE responses SET text = ?1, hash = ?2 WHERE id = ?3");
    q.bind(1, std::string_view(text)).bind(2, static_cast<int64_t>(contentHash("t", text))).bind(3, responseId).run();
    tx.commit();
}

int64_t DatasetEdits::addPrompt(const std::string& text) {
    Transaction tx(db_);
    const uint64_t hash = contentHash("t", text);
    const SplitSettings splits = readSplitSettings(db_);
    auto q = db_.prepare("INSERT INTO prompts(text, hash, source, split, created_at) VALUES (?1, ?2, 'manual', ?3, ?4)");
    q.bind(1, std::string_view(text)).bind(2, static_cast<int64_t>(hash));
    q.bind(3, std::string_view(splitFor(hash, splits.seed, splits.ratios))).bind(4, unixSeconds()).run();
    const int64_t id = db_.lastInsertId();
    indexNewRows(db_, "prompts", id - 1);
    tx.commit();
    return id;
}

int64_t DatasetEdits::addDemonstration(int64_t promptId, const std::string& text) {
    Transaction tx(db_);
    auto q = db_.prepare("INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (?1, ?2, ?3, 'demonstration', ?4)");
    q.bind(1, promptId).bind(2, std::string_view(text)).bind(3, static_cast<int64_t>(contentHash("t", text))).bind(4, unixSeconds()).run();
    const int64_t id = db_.lastInsertId();
    indexNewRows(db_, "responses", id - 1);
    tx.commit();
    return id;
}

void DatasetEdits::deleteResponse(int64_t responseId) {
    Transaction tx(db_);
    auto candidate = db_.prepare("SELECT count(*) FROM label_item_responses WHERE response_id = ?1");
    candidate.bind(1, responseId);
    if (candidate.step() && candidate.columnInt(0) > 0)
        throw StoreError("response " + std::to_string(responseId) + " is a candidate of an item to rank, which judgements rank as a whole; "
                         "delete the prompt instead (undoable)");
    db_.prepare("DELETE FROM responses WHERE id = ?1").bind(1, responseId).run();
    tx.commit();
}

PromptSnapshot DatasetEdits::deletePrompt(int64_t promptId) {
    Transaction tx(db_);
    PromptSnapshot s;
    s.promptId = promptId;
    auto prompt = rowsOf(db_, "SELECT * FROM prompts WHERE id = ?1", promptId);
    if (prompt.empty()) throw StoreError("prompt " + std::to_string(promptId) + " does not exist");
    s.prompt = prompt.front();
    s.responses = rowsOf(db_, "SELECT * FROM responses WHERE prompt_id = ?1 ORDER BY id", promptId);
    s.comparisons = rowsOf(db_, "SELECT * FROM comparisons WHERE prompt_id = ?1 ORDER BY id", promptId);
    s.promptTags = rowsOf(db_, "SELECT * FROM prompt_tags WHERE prompt_id = ?1", promptId);
    s.items = rowsOf(db_, "SELECT * FROM label_items WHERE prompt_id = ?1 ORDER BY id", promptId);
    s.itemResponses = rowsOf(db_, "SELECT x.* FROM label_item_responses x JOIN label_items i ON i.id = x.item_id WHERE i.prompt_id = ?1", promptId);
    s.assignments = rowsOf(db_, "SELECT a.* FROM label_assignments a JOIN label_items i ON i.id = a.item_id WHERE i.prompt_id = ?1", promptId);
    s.rankings = rowsOf(db_, "SELECT * FROM rankings WHERE prompt_id = ?1 ORDER BY id", promptId);
    s.rankingItems = rowsOf(db_, "SELECT i.* FROM ranking_items i JOIN rankings k ON k.id = i.ranking_id WHERE k.prompt_id = ?1", promptId);
    db_.prepare("DELETE FROM prompts WHERE id = ?1").bind(1, promptId).run();  // cascades
    tx.commit();
    return s;
}

void DatasetEdits::restorePrompt(const PromptSnapshot& s) {
    Transaction tx(db_);
    insertRows(db_, "prompts", {s.prompt});
    insertRows(db_, "responses", s.responses);
    insertRows(db_, "comparisons", s.comparisons);
    insertRows(db_, "prompt_tags", s.promptTags);
    insertRows(db_, "label_items", s.items);
    insertRows(db_, "label_item_responses", s.itemResponses);
    insertRows(db_, "label_assignments", s.assignments);
    insertRows(db_, "rankings", s.rankings);
    insertRows(db_, "ranking_items", s.rankingItems);
    auto prompt = db_.prepare("INSERT INTO prompts_fts(rowid, text) SELECT id, text FROM prompts p WHERE id = ?1 AND " +
                              notPendingSql("prompts", "p.id"));
    prompt.bind(1, s.promptId).run();
    auto responses = db_.prepare("INSERT INTO responses_fts(rowid, text) SELECT id, text FROM responses r WHERE prompt_id = ?1 AND " +
                                 notPendingSql("responses", "r.id"));
    responses.bind(1, s.promptId).run();
    tx.commit();
}

void DatasetEdits::setTags(int64_t promptId, const std::vector<std::string>& tags) {
    Transaction tx(db_);
    db_.prepare("DELETE FROM prompt_tags WHERE prompt_id = ?1").bind(1, promptId).run();
    auto tag = db_.prepare("INSERT OR IGNORE INTO tags(name) VALUES (?1)");
    auto link = db_.prepare("INSERT OR IGNORE INTO prompt_tags(prompt_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2");
    for (const auto& t : tags) {
        if (t.empty()) continue;
        tag.bind(1, std::string_view(t)).run();
        link.bind(1, promptId).bind(2, std::string_view(t)).run();
    }
    db_.exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM prompt_tags)");
    tx.commit();
}

PromptMerge DatasetEdits::mergePrompts(int64_t keep, const std::vector<int64_t>& others) {
    Transaction tx(db_);
    PromptMerge merge{keep, {}};
    for (int64_t other : others) {
        if (other == keep) continue;
        PromptMerge::Merged m;
        m.promptId = other;
        const auto prompt = rowsOf(db_, "SELECT * FROM prompts WHERE id = ?1", other);
        if (prompt.empty()) throw StoreError("prompt " + std::to_string(other) + " does not exist");
        m.prompt = prompt.front();
        m.promptTags = rowsOf(db_, "SELECT * FROM prompt_tags WHERE prompt_id = ?1", other);
        m.responses = idsOf(db_, "SELECT id FROM responses WHERE prompt_id = ?1 ORDER BY id", other);
        m.comparisons = idsOf(db_, "SELECT id FROM comparisons WHERE prompt_id = ?1 ORDER BY id", other);
        m.rankings = idsOf(db_, "SELECT id FROM rankings WHERE prompt_id = ?1 ORDER BY id", other);
        m.samples = idsOf(db_, "SELECT id FROM samples WHERE prompt_id = ?1 ORDER BY id", other);
        m.items = idsOf(db_, "SELECT id FROM label_items WHERE prompt_id = ?1 ORDER BY id", other);
        m.tagsAdded = idsOf(db_, "SELECT tag_id FROM prompt_tags WHERE prompt_id = ?1 AND tag_id NOT IN "
                                 "(SELECT tag_id FROM prompt_tags WHERE prompt_id = " + std::to_string(keep) + ")", other);
        setPromptOf(db_, "responses", m.responses, keep);
        setPromptOf(db_, "comparisons", m.comparisons, keep);
        setPromptOf(db_, "rankings", m.rankings, keep);
        setPromptOf(db_, "samples", m.samples, keep);
        setPromptOf(db_, "label_items", m.items, keep);
        auto tag = db_.prepare("INSERT INTO prompt_tags(prompt_id, tag_id) VALUES (?1, ?2)");
        for (int64_t t : m.tagsAdded) tag.bind(1, keep).bind(2, t).run();
        db_.prepare("DELETE FROM prompts WHERE id = ?1").bind(1, other).run();  // and its tag links
        merge.merged.push_back(std::move(m));
    }
    tx.commit();
    return merge;
}

void DatasetEdits::unmergePrompts(const PromptMerge& merge) {
    Transaction tx(db_);
    for (const auto& m : merge.merged) {
        insertRows(db_, "prompts", {m.prompt});
        insertRows(db_, "prompt_tags", m.promptTags);
        db_.prepare("INSERT INTO prompts_fts(rowid, text) SELECT id, text FROM prompts p WHERE id = ?1 AND " +
                    notPendingSql("prompts", "p.id"))
            .bind(1, m.promptId)
            .run();
        setPromptOf(db_, "responses", m.responses, m.promptId);
        setPromptOf(db_, "comparisons", m.comparisons, m.promptId);
        setPromptOf(db_, "rankings", m.rankings, m.promptId);
        setPromptOf(db_, "samples", m.samples, m.promptId);
        setPromptOf(db_, "label_items", m.items, m.promptId);
        auto untag = db_.prepare("DELETE FROM prompt_tags WHERE prompt_id = ?1 AND tag_id = ?2");
        for (int64_t t : m.tagsAdded) untag.bind(1, merge.keptPromptId).bind(2, t).run();
    }
    tx.commit();
}

}  // namespace rlhf::data
