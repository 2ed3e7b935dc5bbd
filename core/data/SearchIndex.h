#pragma once
// The full-text index of prompts and responses (prompts_fts, responses_fts: external-content FTS5 tables
// over the rows' text) and the rows an import has left out of it.
//
// An import commits its rows without indexing them: it records their id range in search_pending, and the
// first search (DatasetQueries) indexes them, a chunk per transaction. Indexing is ~40 % of a bulk
// import's time otherwise, and most imports are browsed and trained on before anyone searches them.
// The one rule every writer keeps: a row whose id lies in a pending range of its table is not in the
// index; every other row is. The schema's delete and update triggers skip pending rows, and the code that
// indexes a single new row (edits, undo, ranking imports) uses notPendingSql() to do the same, so a
// range never holds a row twice and a deleted pending row is never "deleted" from the index.

#include <cstdint>
#include <functional>
#include <string>

#include "data/Database.h"

namespace rlhf::data {

// "NOT EXISTS (…)": true when `idExpression` (an SQL expression) is outside the pending ranges of `table`.
std::string notPendingSql(const std::string& table, const std::string& idExpression);

// Indexes rows of `table` (prompts or responses) with id > afterId that are not pending, in one statement.
void indexNewRows(Database& db, const char* table, int64_t afterId);

// Called by an import inside its transaction, after writing rows of `table` with ids > afterId (the
// table's highest id before it): leaves them out of the index (a pending range afterId + 1 … the highest id).
void deferIndexing(Database& db, const char* table, int64_t afterId);

// Row ids waiting to be indexed (an upper bound on the rows: deleted ones count until indexed).
int64_t pendingSearchIds(Database& db);

// Indexes every pending row, at most chunkIds ids per transaction, so another connection's write waits
// one chunk at most (8192 HH-like rows: ≤ 45 ms on the 2-core machine; all of them in one transaction
// would be 20 % faster). Must be called outside a transaction. `progress(done, total)` (ids) after each chunk.
void indexPendingRows(Database& db, int64_t chunkIds = 8192, const std::function<void(int64_t, int64_t)>& progress = {});

}  // namespace rlhf::data
