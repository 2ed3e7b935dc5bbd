#include "data/BatchedInsert.h"

namespace rlhf::data {

namespace {

std::string valuesClause(int columns, int rows) {
    std::string tuple = "(";
    for (int c = 0; c < columns; ++c) tuple += c ? ",?" : "?";
    tuple += ")";
    std::string out = " VALUES ";
    for (int r = 0; r < rows; ++r) out += (r ? "," : "") + tuple;
    return out;
}

// Texts are bound without a copy: pending_ outlives the statement's run().
void bindValue(Statement& statement, int index, const SqlValue& value) {
    if (const auto* text = std::get_if<std::string>(&value)) statement.bindStatic(index, *text);
    else statement.bind(index, value);
}

}  // namespace

BatchedInsert::BatchedInsert(Database& db, const std::string& head, int columns)
    : columns_(columns),
      many_(db.prepare(head + valuesClause(columns, kRows))),
      one_(db.prepare(head + valuesClause(columns, 1))) {
    pending_.reserve(static_cast<size_t>(columns) * kRows);
}

void BatchedInsert::flush() {
    const size_t rowValues = static_cast<size_t>(columns_), batchValues = rowValues * kRows;
    size_t next = 0;
    for (; pending_.size() - next >= batchValues; next += batchValues) {
        for (size_t i = 0; i < batchValues; ++i) bindValue(many_, static_cast<int>(i) + 1, pending_[next + i]);
        many_.run();
    }
    for (; next < pending_.size(); next += rowValues) {
        for (size_t i = 0; i < rowValues; ++i) bindValue(one_, static_cast<int>(i) + 1, pending_[next + i]);
        one_.run();
    }
    pending_.clear();
}

}  // namespace rlhf::data
