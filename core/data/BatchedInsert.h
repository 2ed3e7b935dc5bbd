#pragma once
// Buffers the rows of one table and writes them as multi-row INSERTs, kRows rows per statement: one
// statement execution per 64 rows instead of one per row (a fifth of a bulk import's write time).
// The caller gives every row its id, so nothing needs a row's id back from SQLite; flush() before
// anything reads the table. Values are moved in and owned until written.

#include <string>
#include <utility>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

class BatchedInsert {
public:
    static constexpr int kRows = 64;

    // `head`: "INSERT OR FAIL INTO t(a, b, c)"; `columns`: how many values a row has.
    BatchedInsert(Database& db, const std::string& head, int columns);

    template <typename... Values>
    void addRow(Values&&... values) {
        static_assert(sizeof...(Values) > 0);
        (pending_.emplace_back(std::forward<Values>(values)), ...);
        if (pending_.size() >= static_cast<size_t>(columns_) * kRows) flush();
    }
    void flush();  // writes every buffered row
    bool empty() const { return pending_.empty(); }

private:
    int columns_;
    Statement many_, one_;         // kRows rows; one row (the remainder)
    std::vector<SqlValue> pending_;  // row-major, columns_ values a row
};

}  // namespace rlhf::data
