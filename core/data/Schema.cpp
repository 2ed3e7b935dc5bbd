#include "data/Schema.h"

#include <random>

#include <sqlite3.h>

namespace rlhf::data {

namespace {

// Version 1: every entity of architecture §3, so later panels need no schema churn. Times are Unix seconds.
const char* kVersion1 = R"SQL(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL, created_at REAL NOT NULL,
  records INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0);
CREATE TABLE prompts(
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,                 -- as shown and searched (chat prompts rendered as turns)
  messages TEXT,                      -- JSON [{role, content}] when the prompt came as a message list
  hash INTEGER NOT NULL,              -- FNV-1a 64 of messages or text: duplicate detection
  source TEXT NOT NULL DEFAULT 'manual',
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  split TEXT CHECK (split IN ('train', 'validation', 'test')),
  created_at REAL NOT NULL);
CREATE INDEX prompts_hash ON prompts(hash);
CREATE INDEX prompts_split ON prompts(split);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('pretrain', 'sft', 'rm', 'ppo', 'dpo')),
  name TEXT NOT NULL DEFAULT '', config TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'stopped', 'finished', 'failed')),
  parent_checkpoint_id INTEGER REFERENCES checkpoints(id), seed INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '', created_at REAL NOT NULL, finished_at REAL);
CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
  path TEXT NOT NULL, sha256 TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE responses(
  id INTEGER PRIMARY KEY,
  prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  messages TEXT,                      -- JSON [{role, content}] when the response came as a message list
  hash INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('demonstration', 'import', 'model')),
  checkpoint_id INTEGER REFERENCES checkpoints(id) ON DELETE SET NULL,
  sampling TEXT,                      -- JSON sampling settings for model responses
  created_at REAL NOT NULL);
CREATE INDEX responses_prompt ON responses(prompt_id, hash);
CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE prompt_tags(
  prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (prompt_id, tag_id)) WITHOUT ROWID;
CREATE TABLE labellers(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at REAL NOT NULL);
CREATE TABLE labelling_sessions(
  id INTEGER PRIMARY KEY, labeller_id INTEGER NOT NULL REFERENCES labellers(id),
  guideline_version TEXT NOT NULL DEFAULT '', settings TEXT NOT NULL DEFAULT '{}',
  started_at REAL NOT NULL, ended_at REAL);
CREATE TABLE rankings(
  id INTEGER PRIMARY KEY,
  session_id INTEGER REFERENCES labelling_sessions(id) ON DELETE SET NULL,
  prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  labeller_id INTEGER NOT NULL REFERENCES labellers(id),
  guideline_version TEXT NOT NULL DEFAULT '',
  seconds_taken REAL, all_bad INTEGER NOT NULL DEFAULT 0, flags TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '', created_at REAL NOT NULL);
CREATE TABLE ranking_items(
  ranking_id INTEGER NOT NULL REFERENCES rankings(id) ON DELETE CASCADE,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,              -- 1 = best; tied responses share a rank
  shown_position INTEGER NOT NULL,    -- where the labeller saw it (position bias studies)
  PRIMARY KEY (ranking_id, response_id)) WITHOUT ROWID;
CREATE TABLE comparisons(             -- imported pairs; ranking pairs are derived, not stored
  id INTEGER PRIMARY KEY,
  prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  chosen_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  rejected_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  margin REAL, import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  UNIQUE (chosen_id, rejected_id));
CREATE INDEX comparisons_prompt ON comparisons(prompt_id);
CREATE TABLE metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL, step INTEGER NOT NULL,
  value REAL, time REAL NOT NULL, PRIMARY KEY (run_id, name, step)) WITHOUT ROWID;
CREATE TABLE samples(
  id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL,
  prompt_id INTEGER REFERENCES prompts(id) ON DELETE SET NULL, prompt TEXT NOT NULL, response TEXT NOT NULL, reward REAL);
CREATE TABLE chats(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', settings TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL);
CREATE TABLE chat_messages(
  id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, role TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE votes(
  id INTEGER PRIMARY KEY, chat_id INTEGER REFERENCES chats(id) ON DELETE SET NULL,
  left_author TEXT NOT NULL, right_author TEXT NOT NULL,
  winner TEXT NOT NULL CHECK (winner IN ('left', 'right', 'tie', 'both_bad')),
  labeller_id INTEGER REFERENCES labellers(id), created_at REAL NOT NULL);
-- Full-text indexes. Updates and deletes are mirrored by triggers; new rows are indexed by the code
-- that inserts them (indexNewRows, in bulk after an import: per-row triggers made imports 5x slower;
-- since version 7 an import leaves that to the first search, SearchIndex.h).
-- detail='none' halves the index cost: searches are word AND-queries (no phrase or NEAR queries).
CREATE VIRTUAL TABLE prompts_fts USING fts5(text, content='prompts', content_rowid='id', detail='none');
CREATE TRIGGER prompts_fts_delete AFTER DELETE ON prompts BEGIN
  INSERT INTO prompts_fts(prompts_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER prompts_fts_update AFTER UPDATE OF text ON prompts BEGIN
  INSERT INTO prompts_fts(prompts_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO prompts_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE VIRTUAL TABLE responses_fts USING fts5(text, content='responses', content_rowid='id', detail='none');
CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses BEGIN
  INSERT INTO responses_fts(responses_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER responses_fts_update AFTER UPDATE OF text ON responses BEGIN
  INSERT INTO responses_fts(responses_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO responses_fts(rowid, text) VALUES (new.id, new.text); END;
INSERT INTO settings(key, value) VALUES ('split_seed', '0'), ('split_ratios', '[0.9, 0.05, 0.05]');
)SQL";

// Version 2: full-text tables without the per-row size table (columnsize=0: nothing ranks by bm25, and
// it was a third of the index's cost) and with a 32 MB pending-terms buffer, so a bulk import flushes
// few, large segments. Deleting and re-creating the tables keeps the triggers, which name them.
// Indexes that answer the Dataset panel's filters without reading rows: demonstrations of a prompt
// (origin in the responses index), sources, and rankings of a prompt.
constexpr const char* kVersion2 = R"SQL(
DROP INDEX responses_prompt;
CREATE INDEX responses_prompt ON responses(prompt_id, origin, hash);
CREATE INDEX prompts_source ON prompts(source);
CREATE INDEX rankings_prompt ON rankings(prompt_id);
DROP TABLE prompts_fts;
CREATE VIRTUAL TABLE prompts_fts USING fts5(text, content='prompts', content_rowid='id', detail='none', columnsize=0);
INSERT INTO prompts_fts(prompts_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO prompts_fts(prompts_fts) VALUES ('rebuild');
DROP TABLE responses_fts;
CREATE VIRTUAL TABLE responses_fts USING fts5(text, content='responses', content_rowid='id', detail='none', columnsize=0);
INSERT INTO responses_fts(responses_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO responses_fts(responses_fts) VALUES ('rebuild');
)SQL";

// Version 3: every CHECK (x IN ('a', 'b', ...)) becomes CHECK (x = 'a' OR x = 'b' ...), same meaning
// (NULL still passes). SQLite compiles an IN list inside a CHECK into a temporary B-tree that it builds
// for every row written (OpenEphemeral in EXPLAIN): a third of the import's time before the importer
// turned CHECKs off. Equality chains are three comparisons, so every writer keeps its CHECKs on. CHECKs
// are not part of the on-disk format of rows, so the table SQL is rewritten in place, as SQLite's
// ALTER TABLE documentation describes: writable_schema, then a new schema cookie so every connection
// re-reads it.
struct CheckRewrite {
    const char* table;
    const char* column;
    std::vector<const char*> values;
};

std::string inList(const CheckRewrite& r) {
    std::string s = std::string("CHECK (") + r.column + " IN (";
    for (size_t i = 0; i < r.values.size(); ++i) s += std::string(i ? ", " : "") + "'" + r.values[i] + "'";
    return s + "))";
}

std::string orChain(const CheckRewrite& r) {
    std::string s = "CHECK (";
    for (size_t i = 0; i < r.values.size(); ++i) s += std::string(i ? " OR " : "") + r.column + " = '" + r.values[i] + "'";
    return s + ")";
}

// Replaces `from` by `to` in the CREATE statement of `table`, which must contain it once; the caller bumps
// the schema cookie (see kVersion3's comment).
void replaceInTableSql(Database& db, const char* table, const std::string& from, const std::string& to) {
    auto update = db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0");
    update.bind(1, std::string_view(from)).bind(2, std::string_view(to)).bind(3, std::string_view(table)).run();
    if (sqlite3_changes(db.handle()) != 1) {
        db.exec("PRAGMA writable_schema = OFF");
        throw StoreError(db.path() + ": schema of table " + table + " lacks " + from + "; not a project file this version wrote");
    }
}

// Runs `edit` with the schema writable, then makes every connection re-read the schema.
template <typename Edit>
void editSchema(Database& db, Edit edit) {
    const int64_t cookie = db.queryInt("PRAGMA schema_version");
    db.exec("PRAGMA writable_schema = ON");
    edit();
    db.exec("PRAGMA schema_version = " + std::to_string(cookie + 1));
    db.exec("PRAGMA writable_schema = OFF");
}

const CheckRewrite kRunStatusesV1 = {"runs", "status", {"queued", "running", "stopped", "finished", "failed"}};

void rewriteInListChecks(Database& db) {
    static const std::vector<CheckRewrite> rewrites = {
        {"prompts", "split", {"train", "validation", "test"}},
        {"runs", "kind", {"pretrain", "sft", "rm", "ppo", "dpo"}},
        kRunStatusesV1,
        {"responses", "origin", {"demonstration", "import", "model"}},
        {"votes", "winner", {"left", "right", "tie", "both_bad"}}};
    editSchema(db, [&] {
        for (const auto& r : rewrites) replaceInTableSql(db, r.table, inList(r), orChain(r));
    });
}

// Version 4: a run can be paused (its process keeps it, not stepping) or interrupted (its process died
// without ending it: the workbench and `rlhf runs` find a running row whose run lock is free).
void addRunStatuses(Database& db) {
    CheckRewrite v4 = kRunStatusesV1;
    v4.values.insert(v4.values.end(), {"paused", "interrupted"});
    editSchema(db, [&] { replaceInTableSql(db, "runs", orChain(kRunStatusesV1), orChain(v4)); });
}

// Version 5: preference labelling. An item is a prompt with a set of responses (the same prompt and set
// are one item, whatever order they come in); its positions keep the item's order and each response's
// origin (the model that wrote it). A judgement (a rankings row) belongs to an item, one per labeller.
// Guidelines are versioned texts; assignments say which labeller is to judge which item; screening
// results keep each labeller's score on the gold items. Every project gets an id (settings project_id)
// that copies keep and labelling packages record.
constexpr const char* kVersion5 = R"SQL(
CREATE TABLE label_items(
  id INTEGER PRIMARY KEY,
  prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
  set_hash INTEGER NOT NULL,          -- of the responses' content hashes, sorted: order-free identity
  round TEXT NOT NULL DEFAULT '',     -- the evaluation round it was made for ('' none)
  created_at REAL NOT NULL);
CREATE INDEX label_items_prompt ON label_items(prompt_id, set_hash);
CREATE TABLE label_item_responses(
  item_id INTEGER NOT NULL REFERENCES label_items(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,          -- 0-based, the item's order
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  origin TEXT NOT NULL DEFAULT '',    -- the model that wrote it ('' unknown)
  PRIMARY KEY (item_id, position)) WITHOUT ROWID;
ALTER TABLE rankings ADD COLUMN item_id INTEGER REFERENCES label_items(id) ON DELETE CASCADE;
ALTER TABLE rankings ADD COLUMN ratings TEXT;   -- JSON: one 1-7 or null per response in item order
CREATE UNIQUE INDEX rankings_item_labeller ON rankings(item_id, labeller_id);
CREATE TABLE guidelines(version TEXT PRIMARY KEY, text TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE label_assignments(
  item_id INTEGER NOT NULL REFERENCES label_items(id) ON DELETE CASCADE,
  labeller_id INTEGER NOT NULL REFERENCES labellers(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, labeller_id)) WITHOUT ROWID;
)SQL";

void addLabelling(Database& db) {
    db.exec(kVersion5);
    auto id = db.prepare("INSERT OR IGNORE INTO settings(key, value) VALUES ('project_id', ?1)");
    id.bind(1, std::string_view(newProjectId())).run();
}

// Version 6: arena battles, as Chatbot Arena records them (docs/formats.md "arena"): two models, the
// winner, and optionally the time, question id, judge and the two conversations; any other fields of an
// imported record are kept (extra) so an export gives them back. `position` keeps the file order.
constexpr const char* kVersion6 = R"SQL(
CREATE TABLE arena_battles(
  id INTEGER PRIMARY KEY,
  model_a TEXT NOT NULL, model_b TEXT NOT NULL,
  winner TEXT NOT NULL CHECK (winner = 'model_a' OR winner = 'model_b' OR winner = 'tie' OR winner = 'tie (bothbad)'),
  tstamp REAL, question_id TEXT, judge TEXT,
  conversation_a TEXT, conversation_b TEXT,   -- JSON lists of {role, content}
  extra TEXT,                                 -- JSON object: the record's other fields
  record_hash INTEGER NOT NULL,               -- of the whole record: the same battle imported again is a duplicate
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  created_at REAL NOT NULL);
CREATE INDEX arena_battles_hash ON arena_battles(record_hash);
)SQL";

// Version 7: an import's rows may wait for the full-text index (SearchIndex.h): search_pending holds their
// id ranges, and the triggers leave rows inside one alone (they are not in the index yet).
constexpr const char* kVersion7 = R"SQL(
CREATE TABLE search_pending(
  tbl TEXT NOT NULL CHECK (tbl = 'prompts' OR tbl = 'responses'),
  first_id INTEGER NOT NULL, last_id INTEGER NOT NULL);
DROP TRIGGER prompts_fts_delete;
DROP TRIGGER prompts_fts_update;
DROP TRIGGER responses_fts_delete;
DROP TRIGGER responses_fts_update;
CREATE TRIGGER prompts_fts_delete AFTER DELETE ON prompts
WHEN NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.tbl = 'prompts' AND old.id BETWEEN s.first_id AND s.last_id) BEGIN
  INSERT INTO prompts_fts(prompts_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER prompts_fts_update AFTER UPDATE OF text ON prompts
WHEN NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.tbl = 'prompts' AND old.id BETWEEN s.first_id AND s.last_id) BEGIN
  INSERT INTO prompts_fts(prompts_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO prompts_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses
WHEN NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.tbl = 'responses' AND old.id BETWEEN s.first_id AND s.last_id) BEGIN
  INSERT INTO responses_fts(responses_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER responses_fts_update AFTER UPDATE OF text ON responses
WHEN NOT EXISTS (SELECT 1 FROM search_pending s WHERE s.tbl = 'responses' AND old.id BETWEEN s.first_id AND s.last_id) BEGIN
  INSERT INTO responses_fts(responses_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO responses_fts(rowid, text) VALUES (new.id, new.text); END;
)SQL";

}  // namespace

std::string newProjectId() {
    std::random_device device;
    std::string id;
    const char* hex = "0123456789abcdef";
    for (int i = 0; i < 4; ++i) {
        const uint32_t word = device();
        for (int shift = 28; shift >= 0; shift -= 4) id += hex[(word >> shift) & 15];
    }
    return id;
}

const std::vector<Migration>& schemaMigrations() {
    static const std::vector<Migration> migrations = {{kVersion1, nullptr}, {kVersion2, nullptr}, {nullptr, rewriteInListChecks},
                                                      {nullptr, addRunStatuses}, {nullptr, addLabelling}, {kVersion6, nullptr},
                                                      {kVersion7, nullptr}};
    return migrations;
}

void migrate(Database& db, int targetVersion) {
    const int target = targetVersion < 0 ? currentSchemaVersion() : targetVersion;
    const int version = static_cast<int>(db.queryInt("PRAGMA user_version"));
    if (version > currentSchemaVersion())
        throw StoreError(db.path() + ": written by a newer RLHF Workbench (schema version " + std::to_string(version) +
                         ", this one reads up to " + std::to_string(currentSchemaVersion()) + ")");
    if (version >= target) return;
    Transaction tx(db);
    for (int v = version; v < target; ++v) {
        const Migration& m = schemaMigrations()[static_cast<size_t>(v)];
        if (m.sql) db.exec(m.sql);
        if (m.code) m.code(db);
    }
    db.exec("PRAGMA user_version = " + std::to_string(target));
    tx.commit();
}

}  // namespace rlhf::data
