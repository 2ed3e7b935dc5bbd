#include "data/SearchIndex.h"

#include <algorithm>
#include <stdexcept>

namespace rlhf::data {

namespace {

std::string checkedTable(const std::string& table) {
    if (table != "prompts" && table != "responses") throw std::invalid_argument("no full-text index for table " + table);
    return table;
}

}  // namespace

std::string notPendingSql(const std::string& table, const std::string& idExpression) {
    return "NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.tbl = '" + checkedTable(table) + "' AND " + idExpression +
           " BETWEEN s.first_id AND s.last_id)";
}

void indexNewRows(Database& db, const char* table, int64_t afterId) {
    const std::string t = checkedTable(table);
    db.exec("INSERT INTO " + t + "_fts(rowid, text) SELECT id, text FROM " + t + " x WHERE id > " + std::to_string(afterId) +
            " AND " + notPendingSql(t, "x.id"));
}

// Every id above afterId was free when the import began: no row, and so no index entry (a deleted row's
// entry went with it, a pending one never had one). Older ranges are cut back to afterId, so they keep
// only ids below it and never overlap the new one, which covers the import's rows whatever gaps the older
// ranges had (rows added and indexed between imports, ranges a search indexed in part).
void deferIndexing(Database& db, const char* table, int64_t afterId) {
    const std::string t = checkedTable(table);
    const int64_t last = db.queryInt("SELECT coalesce(max(id), 0) FROM " + t);
    auto drop = db.prepare("DELETE FROM search_pending WHERE tbl = ?1 AND first_id > ?2");
    drop.bind(1, std::string_view(t)).bind(2, afterId).run();
    auto cut = db.prepare("UPDATE search_pending SET last_id = ?2 WHERE tbl = ?1 AND last_id > ?2");
    cut.bind(1, std::string_view(t)).bind(2, afterId).run();
    if (last <= afterId) return;
    auto insert = db.prepare("INSERT INTO search_pending(tbl, first_id, last_id) VALUES (?1, ?2, ?3)");
    insert.bind(1, std::string_view(t)).bind(2, afterId + 1).bind(3, last).run();
}

int64_t pendingSearchIds(Database& db) {
    return db.queryInt("SELECT coalesce(sum(last_id - first_id + 1), 0) FROM search_pending");
}

void indexPendingRows(Database& db, int64_t chunkIds, const std::function<void(int64_t, int64_t)>& progress) {
    const int64_t total = pendingSearchIds(db);
    int64_t done = 0;
    while (true) {
        Transaction tx(db);
        int64_t range = 0, first = 0, last = 0;
        std::string t;
        {
            auto next = db.prepare("SELECT rowid, tbl, first_id, last_id FROM search_pending ORDER BY rowid LIMIT 1");
            if (!next.step()) break;
            range = next.columnInt(0), first = next.columnInt(2), last = next.columnInt(3);
            t = checkedTable(next.columnText(1));
        }
        const int64_t upTo = std::min(last, first + chunkIds - 1);
        auto index = db.prepare("INSERT INTO " + t + "_fts(rowid, text) SELECT id, text FROM " + t + " WHERE id BETWEEN ?1 AND ?2");
        index.bind(1, first).bind(2, upTo).run();
        auto shrink = db.prepare(upTo == last ? "DELETE FROM search_pending WHERE rowid = ?1"
                                              : "UPDATE search_pending SET first_id = ?2 WHERE rowid = ?1");
        shrink.bind(1, range);
        if (upTo < last) shrink.bind(2, upTo + 1);
        shrink.run();
        tx.commit();
        done += upTo - first + 1;
        if (progress) progress(std::min(done, total), total);
    }
}

}  // namespace rlhf::data
