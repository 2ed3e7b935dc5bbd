#include "data/DatasetQueries.h"

#include <sstream>

#include "data/SearchIndex.h"

namespace rlhf::data {

namespace {

// A shorter wait for other connections' locks while it lives; the usual one again after, however it ends.
class ShortBusyTimeout {
public:
    ShortBusyTimeout(Database& db, int milliseconds) : db_(db) { db_.setBusyTimeout(milliseconds); }
    ~ShortBusyTimeout() { db_.setBusyTimeout(Database::kBusyTimeoutMs); }
    ShortBusyTimeout(const ShortBusyTimeout&) = delete;
    ShortBusyTimeout& operator=(const ShortBusyTimeout&) = delete;

private:
    Database& db_;
};

// WHERE clause of a filter; `binds` collects its parameters in order (?1, ?2, ...).
std::string whereClause(const PromptFilter& f, std::vector<std::string>& binds) {
    std::string where = "1";
    auto param = [&](const std::string& value) {
        binds.push_back(value);
        return "?" + std::to_string(binds.size() + 1);  // ?1 is reserved for the page cursor
    };
    if (!f.search.empty() && !ftsQuery(f.search).empty()) {
        const std::string q = param(ftsQuery(f.search));
        where += " AND (p.id IN (SELECT rowid FROM prompts_fts WHERE prompts_fts MATCH " + q +
                 ") OR p.id IN (SELECT r.prompt_id FROM responses r WHERE r.id IN "
                 "(SELECT rowid FROM responses_fts WHERE responses_fts MATCH " + q + ")))";
    }
    if (f.split) where += *f.split == "none" ? " AND p.split IS NULL" : " AND p.split = " + param(*f.split);
    if (f.tag)
        where += " AND p.id IN (SELECT pt.prompt_id FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = " +
                 param(*f.tag) + ")";
    if (f.source) where += " AND p.source = " + param(*f.source);
    if (f.hasDemonstration)
        where += std::string(*f.hasDemonstration ? " AND" : " AND NOT") +
                 " EXISTS (SELECT 1 FROM responses d WHERE d.prompt_id = p.id AND d.origin = 'demonstration')";
    if (f.labelled)
        where += std::string(*f.labelled ? " AND" : " AND NOT") +
                 " (EXISTS (SELECT 1 FROM comparisons c WHERE c.prompt_id = p.id) OR"
                 " EXISTS (SELECT 1 FROM rankings k WHERE k.prompt_id = p.id))";
    return where;
}

std::vector<int64_t> lengths(Database& db, const char* sql) {
    std::vector<int64_t> out;
    auto q = db.prepare(sql);
    while (q.step()) out.push_back(q.columnInt(0));
    return out;
}

}  // namespace

std::string ftsQuery(const std::string& search) {
    std::istringstream words(search);
    std::string word, out;
    while (words >> word) {
        std::string quoted;
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += (out.empty() ? "\"" : " \"") + quoted + "\"";
    }
    return out;
}

// While another connection writes (an import holds the lock for its whole length), the search goes on
// with what is indexed: the next search indexes the rest. Waiting out the lock would stall the panel.
void DatasetQueries::indexForSearch(const PromptFilter& filter) {
    if (filter.search.empty() || pendingSearchIds(db_) == 0) return;
    const ShortBusyTimeout wait(db_, 200);
    try {
        indexPendingRows(db_);
    } catch (const BusyError&) {
    }
}

std::vector<PromptRow> DatasetQueries::page(const PromptFilter& filter, int64_t afterId, int limit) {
    indexForSearch(filter);
    std::vector<std::string> binds;
    const std::string where = whereClause(filter, binds);
    auto q = db_.prepare(
        "SELECT p.id, substr(p.text, 1, 400), coalesce(p.split, ''), p.source, "
        "(SELECT count(*) FROM responses r WHERE r.prompt_id = p.id), "
        "(SELECT count(*) FROM responses r WHERE r.prompt_id = p.id AND r.origin = 'demonstration'), "
        "(SELECT count(*) FROM comparisons c WHERE c.prompt_id = p.id) "
        "FROM prompts p WHERE p.id > ?1 AND " + where + " ORDER BY p.id LIMIT " + std::to_string(limit));
    q.bind(1, afterId);
    for (size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i) + 2, std::string_view(binds[i]));
    std::vector<PromptRow> rows;
    while (q.step())
        rows.push_back({q.columnInt(0), q.columnText(1), q.columnText(2), q.columnText(3), q.columnInt(4), q.columnInt(5),
                        q.columnInt(6)});
    return rows;
}

int64_t DatasetQueries::count(const PromptFilter& filter) {
    indexForSearch(filter);
    std::vector<std::string> binds;
    const std::string where = whereClause(filter, binds);
    auto q = db_.prepare("SELECT count(*) FROM prompts p WHERE ?1 IS NULL AND " + where);
    for (size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i) + 2, std::string_view(binds[i]));
    return q.step() ? q.columnInt(0) : 0;
}

std::optional<PromptDetail> DatasetQueries::detail(int64_t promptId) {
    auto p = db_.prepare("SELECT text, messages, coalesce(split, ''), source FROM prompts WHERE id = ?1");
    p.bind(1, promptId);
    if (!p.step()) return std::nullopt;
    PromptDetail d;
    d.id = promptId;
    d.text = p.columnText(0);
    if (!p.columnIsNull(1)) d.messages = p.columnText(1);
    d.split = p.columnText(2);
    d.source = p.columnText(3);
    auto t = db_.prepare("SELECT t.name FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.prompt_id = ?1 ORDER BY t.name");
    t.bind(1, promptId);
    while (t.step()) d.tags.push_back(t.columnText(0));
    auto r = db_.prepare("SELECT id, text, origin FROM responses WHERE prompt_id = ?1 ORDER BY id");
    r.bind(1, promptId);
    while (r.step()) d.responses.push_back({r.columnInt(0), r.columnText(1), r.columnText(2)});
    auto c = db_.prepare("SELECT id, chosen_id, rejected_id, margin FROM comparisons WHERE prompt_id = ?1 ORDER BY id");
    c.bind(1, promptId);
    while (c.step())
        d.comparisons.push_back({c.columnInt(0), c.columnInt(1), c.columnInt(2),
                                 c.columnIsNull(3) ? std::nullopt : std::optional<double>(c.columnDouble(3))});
    return d;
}

std::vector<std::string> DatasetQueries::tags() {
    std::vector<std::string> out;
    auto q = db_.prepare("SELECT name FROM tags ORDER BY name");
    while (q.step()) out.push_back(q.columnText(0));
    return out;
}

std::vector<std::string> DatasetQueries::sources() {
    std::vector<std::string> out;
    // A skip scan of the source index: one seek per distinct source, not a pass over 1M prompts.
    auto q = db_.prepare("WITH RECURSIVE s(v) AS (SELECT min(source) FROM prompts UNION ALL "
                         "SELECT (SELECT min(source) FROM prompts WHERE source > v) FROM s WHERE v IS NOT NULL) "
                         "SELECT v FROM s WHERE v IS NOT NULL");
    while (q.step()) out.push_back(q.columnText(0));
    return out;
}

std::vector<int64_t> DatasetQueries::promptLengths() { return lengths(db_, "SELECT length(text) FROM prompts"); }
std::vector<int64_t> DatasetQueries::responseLengths() { return lengths(db_, "SELECT length(text) FROM responses"); }

}  // namespace rlhf::data
