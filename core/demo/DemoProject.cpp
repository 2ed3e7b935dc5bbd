#include "demo/DemoProject.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

#include "data/ProjectStore.h"
#include "data/Splits.h"
#include "demo/SyntheticLabeller.h"
#include "util/FileSync.h"

namespace rlhf::demo {

namespace fs = std::filesystem;

namespace {

constexpr int kDemoVersion = 1;

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(path + ": cannot write");
    fsyncPath(path);
}

std::string jsonLines(const DemoData& data, bool pairs) {
    std::string text;
    if (pairs)
        for (const auto& p : data.pairs)
            text += nlohmann::json{{"prompt", p.prompt}, {"chosen", p.chosen}, {"rejected", p.rejected}}.dump() + '\n';
    else
        for (const auto& d : data.demonstrations)
            text += nlohmann::json{{"prompt", d.prompt}, {"completion", d.completion}}.dump() + '\n';
    return text;
}

DemoCreated fillProject(const std::string& path, uint64_t seed, const DemoSizes& sizes) {
    auto store = data::ProjectStore::open(path, true);
    auto& db = store->database();
    {
        data::Transaction transaction(db);
        data::writeSplitSettings(db, {seed, data::parseSplitRatios("0.8,0.1,0.1")});
        auto set = db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('demo', ?1)");
        const std::string value =
            nlohmann::json{{"version", kDemoVersion}, {"seed", seed}, {"labeller", SyntheticLabeller::kName}}.dump();
        set.bind(1, std::string_view(value)).run();
        transaction.commit();
    }
    const DemoData demo = generateDemoData(seed, sizes);
    const std::string dir = demoCorpusPath(store->checkpointsDirectory());
    fs::create_directories(fs::path(dir).parent_path());
    const std::string folder = fs::path(dir).parent_path().string();
    writeFile(dir, demo.corpus);
    writeFile(folder + "/demonstrations.jsonl", jsonLines(demo, false));
    writeFile(folder + "/comparisons.jsonl", jsonLines(demo, true));
    std::string items;
    for (const auto& item : demo.items)
        if (item.candidates.size() >= 2) items += nlohmann::json{{"prompt", item.prompt}, {"responses", item.candidates}}.dump() + '\n';
    writeFile(folder + "/items-to-rank.jsonl", items);
    store->importFile(folder + "/demonstrations.jsonl", {});
    store->importFile(folder + "/comparisons.jsonl", {});
    if (!items.empty()) store->importFile(folder + "/items-to-rank.jsonl", {});
    fsyncPath(folder);
    fsyncPath(store->checkpointsDirectory());
    return {static_cast<int64_t>(demo.demonstrations.size()), static_cast<int64_t>(demo.pairs.size()),
            static_cast<int64_t>(demoPrompts().size()), static_cast<int64_t>(demo.corpus.size())};
}

}  // namespace

DemoCreated createDemoProject(const std::string& path, uint64_t seed, const DemoSizes& sizes) {
    if (fs::exists(path) || fs::exists(path + ".d"))
        throw std::runtime_error(path + ": already exists (demo create makes a new project; choose another name)");
    const std::string building = path + ".creating-" + std::to_string(::getpid());  // two makers never share it
    fs::remove_all(building + ".d");
    fs::remove(building);
    try {
        const DemoCreated created = fillProject(building, seed, sizes);
        fs::rename(building + ".d", path + ".d");
        fs::rename(building, path);
        fsyncPath(fs::absolute(path).parent_path().string());
        return created;
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(building + ".d", ignored);
        fs::remove(building, ignored);
        throw;
    }
}

std::optional<nlohmann::json> demoSettings(data::Database& db) {
    auto q = db.prepare("SELECT value FROM settings WHERE key = 'demo'");
    if (!q.step()) return std::nullopt;
    return nlohmann::json::parse(q.columnText(0), nullptr, false);
}

std::string demoCorpusPath(const std::string& projectDataDirectory) { return projectDataDirectory + "/demo/corpus.txt"; }

}  // namespace rlhf::demo
