#include "data/ProjectStore.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <vector>

#include "data/ContentHash.h"
#include "data/Schema.h"

namespace rlhf::data {

std::unique_ptr<ProjectStore> ProjectStore::open(const std::string& path, bool create) {
    const bool exists = std::filesystem::exists(path);
    if (!exists && !create) throw StoreError(path + ": no such project file");
    auto db = std::make_unique<Database>(path, create);
    try {
        if (exists && db->queryInt("SELECT count(*) FROM sqlite_schema") > 0 && db->queryInt("PRAGMA user_version") == 0)
            throw StoreError("not an RLHF Workbench project (an SQLite file with other tables)");
        migrate(*db);
    } catch (const StoreError& e) {
        const std::string what = e.what();
        throw StoreError(what.rfind(path, 0) == 0 ? what : path + ": " + what);
    }
    if (create && !exists) std::filesystem::create_directories(path + ".d");
    return std::unique_ptr<ProjectStore>(new ProjectStore(std::move(db)));
}

bool ProjectStore::needsMigration(const std::string& path) {
    if (!std::filesystem::exists(path)) return false;
    try {
        Database db(path, false);
        const int64_t version = db.queryInt("PRAGMA user_version");
        return version > 0 && version < currentSchemaVersion();
    } catch (const StoreError&) {
        return false;  // open() will say what is wrong with it
    }
}

std::string ProjectStore::checkpointsDirectory() const { return std::filesystem::absolute(path() + ".d").string(); }

ProjectStats ProjectStore::stats() {
    ProjectStats s;
    Database& db = *db_;
    s.prompts = db.queryInt("SELECT count(*) FROM prompts");
    s.responses = db.queryInt("SELECT count(*) FROM responses");
    s.demonstrations = db.queryInt("SELECT count(*) FROM responses WHERE origin = 'demonstration'");
    s.modelResponses = db.queryInt("SELECT count(*) FROM responses WHERE origin = 'model'");
    s.comparisons = db.queryInt("SELECT count(*) FROM comparisons");
    s.rankings = db.queryInt("SELECT count(*) FROM rankings");
    s.arenaBattles = db.queryInt("SELECT count(*) FROM arena_battles");
    s.rankingPairs = db.queryInt("SELECT count(*) FROM rankings k JOIN ranking_items a ON a.ranking_id = k.id "
                                 "JOIN ranking_items b ON b.ranking_id = k.id AND a.rank < b.rank WHERE k.all_bad = 0 AND a.rank > 0");
    s.tags = db.queryInt("SELECT count(*) FROM tags");
    s.runs = db.queryInt("SELECT count(*) FROM runs");
    s.imports = db.queryInt("SELECT count(*) FROM imports");
    s.conversationalPrompts = db.queryInt(
        "SELECT count(*) FROM prompts WHERE messages IS NOT NULL OR substr(text, 1, 8) = char(10, 10) || 'Human:'");
    s.schemaVersion = static_cast<int>(db.queryInt("PRAGMA user_version"));
    auto q = db.prepare("SELECT coalesce(split, '(none)'), count(*) FROM prompts GROUP BY 1 ORDER BY 1");
    while (q.step()) s.promptsPerSplit[q.columnText(0)] = q.columnInt(1);
    return s;
}

std::string promptFormatWarning(const ProjectStats& s) {
    if (!s.mixesPromptFormats()) return {};
    return std::to_string(s.conversationalPrompts) + " conversational prompts are rendered as \\n\\nHuman: …\\n\\nAssistant: and " +
           std::to_string(s.prompts - s.conversationalPrompts) +
           " standard prompts are used as written: a model trained on this project in plain text learns both formats (one with a chat "
           "template gets both as its chat turns)";
}

// Exact shares: the prompts in a seeded order of their content hashes (stable across re-runs and import
// order), the first ⌊n·train⌉ to train, the next to validation, the rest to test, each count within one
// prompt of its share (largest remainders).
void ProjectStore::assignSplits(const SplitRatios& ratios, uint64_t seed) {
    const double total = ratios.values[0] + ratios.values[1] + ratios.values[2];
    if (std::abs(total - 1.0) > 1e-6)
        throw std::invalid_argument("the ratios add up to " + (std::ostringstream() << total).str() + ", not 1");
    Transaction tx(*db_);
    writeSplitSettings(*db_, {seed, ratios});
    std::vector<std::pair<uint64_t, int64_t>> order;  // (seeded key, prompt id)
    auto all = db_->prepare("SELECT id, hash FROM prompts");
    while (all.step())
        order.emplace_back(mix64(static_cast<uint64_t>(all.columnInt(1)) ^ mix64(seed + 0x9e3779b97f4a7c15ull)), all.columnInt(0));
    std::sort(order.begin(), order.end());
    const auto counts = splitCounts(static_cast<int64_t>(order.size()), ratios);
    auto update = db_->prepare("UPDATE prompts SET split = ?1 WHERE id = ?2");
    static const char* kSplits[] = {"train", "validation", "test"};
    size_t next = 0;
    for (size_t split = 0; split < 3; ++split)
        for (int64_t i = 0; i < counts[split]; ++i) update.bind(1, std::string_view(kSplits[split])).bind(2, order[next++].second).run();
    tx.commit();
}

}  // namespace rlhf::data

namespace rlhf::data {

void ProjectStore::saveCopy(const std::string& target) {
    if (std::filesystem::exists(target)) throw StoreError(target + ": already exists");
    auto q = db_->prepare("VACUUM INTO ?1");
    q.bind(1, std::string_view(target)).run();
}

}  // namespace rlhf::data
