#include "data/LabellingSettings.h"

#include <nlohmann/json.hpp>

#include "data/LabellingPackage.h"
#include "util/Clock.h"

namespace rlhf::data {

const std::vector<std::string>& defaultLabelFlags() {
    static const std::vector<std::string> flags = {"fails to follow the instruction", "hallucination", "harmful advice",
                                                   "sexual or violent content", "denigrates a protected class", "expresses an opinion"};
    return flags;
}

std::vector<std::string> labelFlags(Database& db) {
    auto q = db.prepare("SELECT value FROM settings WHERE key = 'label_flags'");
    if (!q.step()) return defaultLabelFlags();
    try {
        return nlohmann::json::parse(q.columnText(0)).get<std::vector<std::string>>();
    } catch (const std::exception&) {
        return defaultLabelFlags();
    }
}

void setLabelFlags(Database& db, const std::vector<std::string>& flags) {
    std::vector<std::string> kept;
    for (const auto& f : flags)
        if (!f.empty()) kept.push_back(f);
    db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('label_flags', ?1)").bind(1, std::string_view(nlohmann::json(kept).dump())).run();
}

std::optional<Guideline> latestGuideline(Database& db) {
    auto q = db.prepare("SELECT version, text FROM guidelines ORDER BY created_at DESC, rowid DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return Guideline{q.columnText(0), q.columnText(1)};
}

std::string saveGuideline(Database& db, const std::string& text) {
    Transaction tx(db);
    const auto latest = latestGuideline(db);
    if (latest && latest->text == text) return latest->version;
    const std::string version = "v" + std::to_string(db.queryInt("SELECT count(*) FROM guidelines") + 1);
    db.prepare("INSERT INTO guidelines(version, text, created_at) VALUES (?1, ?2, ?3)").bind(1, std::string_view(version)).bind(2, std::string_view(text)).bind(3, unixSeconds()).run();
    refreshPackageDigest(db);
    tx.commit();
    return version;
}

}  // namespace rlhf::data
