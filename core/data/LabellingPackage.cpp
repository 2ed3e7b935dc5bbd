#include "data/LabellingPackage.h"

#include <filesystem>
#include <map>
#include <unistd.h>

#include "data/RankingStore.h"
#include "data/Schema.h"
#include "util/Clock.h"
#include "util/FileSync.h"
#include "util/Sha256.h"

namespace rlhf::data {

namespace {

std::string setting(Database& db, const char* key) {
    auto q = db.prepare("SELECT value FROM settings WHERE key = ?1");
    q.bind(1, std::string_view(key));
    return q.step() ? q.columnText(0) : std::string();
}

void putSetting(Database& db, const char* key, const std::string& value) {
    db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)").bind(1, std::string_view(key)).bind(2, std::string_view(value)).run();
}

// Appends every column of every row of `sql`, each as "length:text", to `out`.
void appendRows(Database& db, const char* sql, std::string& out) {
    auto q = db.prepare(sql);
    while (q.step())
        for (int c = 0; c < q.columnCount(); ++c) {
            const std::string v = q.columnIsNull(c) ? std::string("\x01null") : q.columnText(c);
            out += std::to_string(v.size()) + ':' + v;
        }
    out += '\n';
}

// The package's own ids are part of it (a package is digested alone, never compared with its project).
const char* kDigestQueries[] = {
    "SELECT key, value FROM settings WHERE key IN ('package_of', 'package_labeller', 'project_id') ORDER BY key",
    "SELECT i.id, p.text, p.split, i.round, x.position, r.text, x.origin FROM label_items i JOIN prompts p ON p.id = i.prompt_id "
    "JOIN label_item_responses x ON x.item_id = i.id JOIN responses r ON r.id = x.response_id ORDER BY i.id, x.position",
    "SELECT k.id, k.item_id, l.name, k.all_bad, k.flags, k.rationale, k.ratings, k.guideline_version, k.created_at, k.seconds_taken, "
    "x.position, i.rank, i.shown_position FROM rankings k JOIN labellers l ON l.id = k.labeller_id "
    "LEFT JOIN ranking_items i ON i.ranking_id = k.id LEFT JOIN label_item_responses x ON x.item_id = k.item_id AND x.response_id = i.response_id "
    "ORDER BY k.item_id, l.name, x.position",
    "SELECT name FROM labellers ORDER BY name",
    "SELECT version, text FROM guidelines ORDER BY version",
    "SELECT a.item_id, l.name FROM label_assignments a JOIN labellers l ON l.id = a.labeller_id ORDER BY a.item_id, l.name"};

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
    throw StoreError(path + ": " + why + "; nothing was merged");
}

std::unique_ptr<Database> openWholePackage(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) refuse(path, "no such package file");
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(path, false);
        const auto bytes = static_cast<int64_t>(std::filesystem::file_size(path));
        if (bytes < db->queryInt("PRAGMA page_count") * db->queryInt("PRAGMA page_size"))
            refuse(path, "the package is truncated (shorter than its own header says)");
        auto check = db->prepare("PRAGMA quick_check");
        const std::string verdict = check.step() ? check.columnText(0) : std::string();
        if (verdict != "ok") refuse(path, "the package is damaged (" + verdict + ")");
    } catch (const StoreError& e) {
        const std::string what = e.what();
        if (what.find("nothing was merged") != std::string::npos) throw;
        refuse(path, "not a whole labelling package (" + what + ")");
    }
    return db;
}

void checkPackageOf(Database& project, Database& package) {
    const std::string& path = package.path();
    if (package.queryInt("PRAGMA user_version") == 0) refuse(path, "the package is empty or truncated (no project tables in it)");
    if (package.queryInt("PRAGMA user_version") != currentSchemaVersion())
        refuse(path, "written by another version of RLHF Workbench (schema " + std::to_string(package.queryInt("PRAGMA user_version")) + ")");
    if (packageLabellerOf(package).empty()) refuse(path, "not a labelling package (a project file without package settings)");
    const std::string owner = setting(package, "package_of"), mine = projectIdOf(project);
    if (owner != mine) refuse(path, "a package of another project (project id " + owner + "; " + project.path() + " is " + mine + ")");
    if (packageDigest(package) != setting(package, "package_digest"))
        refuse(path, "its content no longer matches its checksum (edited outside RLHF Workbench?)");
}

std::vector<int64_t> itemsFor(Database& project, const PackageOptions& o) {
    auto q = project.prepare(
        "SELECT i.id FROM label_items i JOIN prompts p ON p.id = i.prompt_id WHERE (?2 IS NULL OR p.split = ?2) AND NOT EXISTS "
        "(SELECT 1 FROM rankings k JOIN labellers l ON l.id = k.labeller_id WHERE k.item_id = i.id AND l.name = ?1) ORDER BY i.id");
    q.bind(1, std::string_view(o.labeller)).bind(2, o.split);
    std::vector<int64_t> ids;
    while (q.step() && (!o.items || static_cast<int64_t>(ids.size()) < *o.items)) ids.push_back(q.columnInt(0));
    return ids;
}

void writePackageContent(Database& project, Database& package, const std::vector<int64_t>& ids, const PackageOptions& o) {
    Transaction tx(package);
    for (const char* key : {"split_seed", "split_ratios", "label_flags"})
        if (const std::string v = setting(project, key); !v.empty()) putSetting(package, key, v);
    putSetting(package, "package_of", projectIdOf(project));
    putSetting(package, "package_labeller", o.labeller);
    auto guideline = package.prepare("INSERT INTO guidelines(version, text, created_at) VALUES (?1, ?2, ?3)");
    auto guidelines = project.prepare("SELECT version, text, created_at FROM guidelines ORDER BY version");
    while (guidelines.step())
        guideline.bind(1, std::string_view(guidelines.columnText(0))).bind(2, std::string_view(guidelines.columnText(1))).bind(3, guidelines.columnDouble(2)).run();
    RankingStore from(project), to(package);
    const int64_t labeller = to.labellerId(o.labeller);
    auto assign = package.prepare("INSERT INTO label_assignments(item_id, labeller_id) VALUES (?1, ?2)");
    auto keepSplit = package.prepare("UPDATE prompts SET split = nullif(?2, '') WHERE id = ?1");
    for (int64_t id : ids) {
        const LabelItem item = *from.item(id);
        bool created = false;
        std::vector<int> order;
        const LabelItem copy = to.ensureItem(item.prompt, item.responses, item.origins, "package", created, order);
        keepSplit.bind(1, copy.promptId).bind(2, std::string_view(item.split)).run();
        assign.bind(1, copy.id).bind(2, labeller).run();
    }
    refreshPackageDigest(package);
    tx.commit();
}

// Adds the package's guidelines to the project. A version the project has with another text (both sides
// number their own edits v1, v2, …) comes in renamed "VERSION (from LABELLER's package)"; returns the
// renames, which the merged judgements follow.
std::map<std::string, std::string> mergeGuidelines(Database& project, Database& package) {
    std::map<std::string, std::string> renamed;
    const std::string labeller = packageLabellerOf(package);
    auto mine = project.prepare("SELECT text FROM guidelines WHERE version = ?1");
    auto insert = project.prepare("INSERT OR IGNORE INTO guidelines(version, text, created_at) VALUES (?1, ?2, ?3)");
    auto theirs = package.prepare("SELECT version, text, created_at FROM guidelines");
    while (theirs.step()) {
        std::string version = theirs.columnText(0);
        const std::string text = theirs.columnText(1);
        mine.bind(1, std::string_view(version));
        const bool clash = mine.step() && mine.columnText(0) != text;
        mine.reset();
        if (clash) {
            const std::string theirName = version;
            version += " (from " + labeller + "'s package)";
            renamed[theirName] = version;
        }
        insert.bind(1, std::string_view(version)).bind(2, std::string_view(text)).bind(3, theirs.columnDouble(2)).run();
    }
    return renamed;
}

}  // namespace

std::string projectIdOf(Database& db) { return setting(db, "project_id"); }

std::string packageLabellerOf(Database& db) { return setting(db, "package_labeller"); }

std::string packageDigest(Database& db) {
    std::string content;
    for (const char* sql : kDigestQueries) appendRows(db, sql, content);
    return sha256Hex(content);
}

void refreshPackageDigest(Database& db) {
    if (!packageLabellerOf(db).empty()) putSetting(db, "package_digest", packageDigest(db));
}

PackageReport createPackage(Database& project, const std::string& path, const PackageOptions& o) {
    if (o.labeller.empty()) throw std::invalid_argument("a package needs a labeller (--labeller NAME)");
    if (o.split && *o.split != "train" && *o.split != "validation" && *o.split != "test")
        throw std::invalid_argument("unknown split '" + *o.split + "' (train, validation, test)");
    if (std::filesystem::exists(path)) throw StoreError(path + ": already exists");
    const std::vector<int64_t> ids = itemsFor(project, o);
    if (ids.empty())
        throw StoreError(project.path() + ": no items that " + o.labeller + " has not judged" +
                         (o.split ? " in the " + *o.split + " split" : std::string()) + " (nothing was written)");
    const std::string tmp = path + ".creating-" + std::to_string(getpid());
    try {
        {
            Database package(tmp, true);
            migrate(package);
            writePackageContent(project, package, ids, o);
            package.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE");
        }
        fsyncPath(tmp);
        std::filesystem::rename(tmp, path);
    } catch (...) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(tmp + suffix, ignored);
        throw;
    }
    Transaction tx(project);
    RankingStore store(project);
    const int64_t labeller = store.labellerId(o.labeller);
    auto assign = project.prepare("INSERT OR IGNORE INTO label_assignments(item_id, labeller_id) VALUES (?1, ?2)");
    for (int64_t id : ids) assign.bind(1, id).bind(2, labeller).run();
    tx.commit();
    return {path, static_cast<int64_t>(ids.size())};
}

MergeReport mergePackage(Database& project, const std::string& packagePath) {
    const auto package = openWholePackage(packagePath);
    checkPackageOf(project, *package);
    struct Judged {
        LabelItem item;
        std::vector<labelling::Judgement> judgements;
    };
    std::vector<Judged> content;
    RankingStore(*package).forEachItem([&](const LabelItem& item, const std::vector<labelling::Judgement>& js) { content.push_back({item, js}); });
    MergeReport report;
    report.path = packagePath;
    Transaction tx(project);
    const auto versions = mergeGuidelines(project, *package);
    RankingStore store(project);
    for (const auto& [item, judgements] : content) {
        bool created = false;
        std::vector<int> order;
        const LabelItem mine = store.ensureItem(item.prompt, item.responses, item.origins, packagePath, created, order);
        if (created) ++report.newItems;
        for (const auto& j : judgements) {
            labelling::Judgement merged = labelling::reindexed(j, order);
            if (const auto v = versions.find(j.guideline); v != versions.end()) merged.guideline = v->second;
            switch (store.record(mine.id, merged, ReplacePolicy::IfLater)) {
            case JudgementOutcome::Added: ++report.judgements; break;
            case JudgementOutcome::Duplicate: ++report.duplicates; break;
            case JudgementOutcome::Replaced: ++report.judgements, report.conflicts.push_back({j.labeller, item.prompt, true}); break;
            case JudgementOutcome::KeptNewer: report.conflicts.push_back({j.labeller, item.prompt, false}); break;
            }
        }
    }
    refreshPackageDigest(project);
    tx.commit();
    return report;
}

}  // namespace rlhf::data
