#pragma once
// The project file's schema and its forward migrations, versioned with PRAGMA user_version.
// Opening runs the missing migrations in one transaction.

#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

// One step: SQL, or code for what SQL alone cannot say; migrations()[i] takes version i to i + 1.
struct Migration {
    const char* sql = nullptr;
    void (*code)(Database&) = nullptr;
};
const std::vector<Migration>& schemaMigrations();
inline int currentSchemaVersion() { return static_cast<int>(schemaMigrations().size()); }

// 128 random bits as 32 hex digits: a new project's id (settings project_id).
std::string newProjectId();

// Brings `db` to currentSchemaVersion(); up to `targetVersion` when given (tests of old versions).
// Throws StoreError for a file written by a newer version of the workbench.
void migrate(Database& db, int targetVersion = -1);

}  // namespace rlhf::data
