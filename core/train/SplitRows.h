#pragma once
// A fine-tuning run's copy of its training data (so that a resumed run learns what it started with):
// RUN/FILE, one JSON object per row, its "split" "train" or "validation" beside the row's own fields.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "train/RunDirectory.h"

namespace rlhf::train {

template <typename Row>
using SplitRowsOf = std::pair<std::vector<Row>, std::vector<Row>>;  // train, validation

template <typename Row>
void writeSplitRows(const RunDirectory& dir, const std::string& file, const std::vector<Row>& train,
                    const std::vector<Row>& validation, nlohmann::json (*toJson)(const Row&)) {
    std::vector<nlohmann::json> rows;
    for (const auto* split : {&train, &validation})
        for (const auto& row : *split) {
            rows.push_back(toJson(row));
            rows.back()["split"] = split == &train ? "train" : "validation";
        }
    dir.writeRows(file, rows);
}

// Throws std::invalid_argument naming the file for a row that fromJson cannot read.
template <typename Row>
SplitRowsOf<Row> readSplitRows(const RunDirectory& dir, const std::string& file, Row (*fromJson)(const nlohmann::json&)) {
    SplitRowsOf<Row> out;
    for (const auto& row : dir.readRows(file)) {
        try {
            (row.at("split") == "train" ? out.first : out.second).push_back(fromJson(row));
        } catch (const nlohmann::json::exception& e) {
            throw std::invalid_argument(dir.path() + "/" + file + ": " + e.what());
        }
    }
    return out;
}

}  // namespace rlhf::train
