#pragma once
// The "rankings" format (docs/formats.md) in and out of a project. Import is one transaction like every
// import: items are created or found (same prompt and set of responses, any order), judgements recorded
// in the item's order; a labeller's new judgement of an item replaces theirs, an identical one is a
// duplicate. Export writes each item's judgements by labeller name, an item nobody judged as an item
// line, every item's responses in its order.

#include <optional>
#include <string>

#include "data/Database.h"
#include "data/Exporter.h"
#include "data/Importer.h"

namespace rlhf::data {

// Whether the first non-blank line of `path` is a rankings record (for --format auto); false when unreadable.
bool fileLooksLikeRankings(const std::string& path);

ImportReport importRankings(Database& db, const std::string& path, const ImportOptions& options);

// Throws std::invalid_argument for an unknown split, StoreError when there is nothing to write.
ExportReport exportRankings(Database& db, const std::string& path, const std::optional<std::string>& split);

}  // namespace rlhf::data
