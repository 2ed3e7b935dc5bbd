#pragma once
// The project file's schema and its forward migrations, versioned with PRAGMA user_version.
// migration[i] takes a file from version i to i + 1; opening runs the missing ones in one transaction.

#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

const std::vector<std::string>& schemaMigrations();
inline int currentSchemaVersion() { return static_cast<int>(schemaMigrations().size()); }

// Adds rows of `table` (prompts or responses) with id > afterId to its full-text index, in one statement.
void indexNewRows(Database& db, const char* table, int64_t afterId);

// Brings `db` to currentSchemaVersion(); up to `targetVersion` when given (tests of old versions).
// Throws StoreError for a file written by a newer version of the workbench.
void migrate(Database& db, int targetVersion = -1);

}  // namespace rlhf::data
