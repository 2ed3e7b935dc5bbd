#pragma once
// Offline labelling packages (docs/labelling.md): one labeller's unjudged items, the guidelines and the
// assignment in one self-contained project file (*.rlhfpkg). A package records its project's id
// (settings package_of) and a digest of its content — items, judgements, labellers, guidelines,
// assignments — that every write through the workbench refreshes (refreshPackageDigest), so a package
// edited outside the app is recognised when it comes back. Merging is idempotent: judgements already
// there are duplicates; a different judgement of an item by the same labeller is a conflict that the
// later judgement wins.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct PackageOptions {
    std::string labeller;
    std::optional<int64_t> items;         // the first N unjudged items in item order; all when empty
    std::optional<std::string> split;     // only items of this split
};

struct PackageReport {
    std::string path;
    int64_t items = 0;
};

struct MergeConflict {
    std::string labeller, prompt;
    bool packageWon = false;              // the package's judgement was the later one
};

struct MergeReport {
    std::string path;
    int64_t judgements = 0;               // new judgements (conflicts the package won included)
    int64_t duplicates = 0;
    std::vector<MergeConflict> conflicts;
    int64_t newItems = 0;
};

// The project's id (settings project_id).
std::string projectIdOf(Database& db);
// Whether `db` is a labelling package; its labeller ('' when not one).
std::string packageLabellerOf(Database& db);

// SHA-256 of the package's content, as stored in settings package_digest.
std::string packageDigest(Database& db);
// Re-computes and stores the digest when `db` is a package; nothing otherwise. Inside the writer's transaction.
void refreshPackageDigest(Database& db);

// Writes the package at `path` (refused when it exists), complete or not at all. Throws StoreError or
// std::invalid_argument (no such labeller items, unknown split).
PackageReport createPackage(Database& project, const std::string& path, const PackageOptions& options);

// Checks the package (readable and whole, of this project, digest matching) and merges its judgements
// in one transaction; throws StoreError naming the package and the problem, changing nothing.
MergeReport mergePackage(Database& project, const std::string& packagePath);

}  // namespace rlhf::data
