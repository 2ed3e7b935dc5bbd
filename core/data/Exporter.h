#pragma once
// Writes a project's data as JSON lines: comparisons for the pair formats, demonstrations for sft and
// openai-chat; optionally one split only. The file appears complete or not at all (temporary file,
// fsync, rename).

#include <cstdint>
#include <optional>
#include <string>

#include "data/Database.h"
#include "data/RecordFormat.h"

namespace rlhf::data {

struct ExportReport {
    std::string path;
    int64_t records = 0;
};

// A pair's "margin" key (in the formats that have one): as labelled (only where a margin was given), on
// none, or on every pair (0 where none was given), for a reader that needs every row to have the same keys.
enum class MarginKey { AsLabelled, Never, Always };

// Throws std::invalid_argument for Format::Auto or an unknown split, StoreError for I/O problems and,
// with refuseEmpty, for nothing to export (without it, no file and 0 records). Comparisons and demonstrations
// only: rankings and arena exports always refuse an empty file.
ExportReport exportJsonl(Database& db, const std::string& path, Format format, const std::optional<std::string>& split,
                         bool refuseEmpty = true, MarginKey margins = MarginKey::AsLabelled);

// Whether any comparison of the split (or, with nullopt, of the project) was labelled with a margin.
bool anyComparisonMargin(Database& db, const std::optional<std::string>& split);

}  // namespace rlhf::data
