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

// Throws std::invalid_argument for Format::Auto or an unknown split, StoreError for I/O problems and,
// with refuseEmpty, for nothing to export (without it, no file and 0 records). Comparisons and demonstrations
// only: rankings and arena exports always refuse an empty file.
ExportReport exportJsonl(Database& db, const std::string& path, Format format, const std::optional<std::string>& split,
                         bool refuseEmpty = true);

}  // namespace rlhf::data
