#include "DataCommands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "data/NearDuplicates.h"
#include "data/ProjectStore.h"

namespace rlhf::cli {

namespace {

struct DataOptions {
    std::string project, file, format = "auto", onError = "abort", split, ratios = "0.9,0.05,0.05";
    uint64_t seed = 0;
    bool json = false;
};

std::unique_ptr<data::ProjectStore> openProject(const std::string& path, bool create) {
    return data::ProjectStore::open(path, create);  // StoreError names the file: main() prints it, exit 1
}

data::Format formatOption(const std::string& name) {
    auto f = data::formatFromName(name);
    if (!f) throw UserError("--format " + name + ": unknown (auto hh trl trl-messages sft sft-messages openai-chat openai-dpo rankings arena)");
    return *f;
}

// A project that this import created is removed again when the import fails: nothing is left behind.
void removeNewProject(std::unique_ptr<data::ProjectStore>& store, const std::string& path) {
    store.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
    std::filesystem::remove_all(path + ".d", ignored);
}

void runImport(const DataOptions& o) {
    const bool existed = std::filesystem::exists(o.project);
    auto store = openProject(o.project, true);
    data::ImportOptions options;
    options.format = formatOption(o.format);
    options.onError = o.onError == "skip" ? data::OnError::Skip : data::OnError::Abort;
    data::ImportReport r;
    try {
        r = store->importFile(o.file, options);
    } catch (const std::exception& e) {
        if (!existed) removeNewProject(store, o.project);
        throw UserError(std::string(e.what()) + (existed ? " (nothing was imported)" : " (nothing was imported; no project was created)"));
    }
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : r.skipped) skipped.push_back({{"line", s.line}, {"reason", s.reason}});
    if (o.json) {
        printJsonLine({{"file", r.path}, {"format", data::formatName(r.format)}, {"records", r.records},
                       {"pairs", r.pairs}, {"demonstrations", r.demonstrations}, {"new_prompts", r.newPrompts}, {"judgements", r.judgements}, {"replaced", r.replaced}, {"new_items", r.newItems}, {"battles", r.battles},
                       {"duplicates", r.duplicates}, {"duplicate_lines", r.duplicateLines}, {"skipped", skipped},
                       {"notes", r.notes}, {"seconds", r.seconds}, {"pairs_per_s", r.pairs / std::max(r.seconds, 1e-9)}});
        return;
    }
    for (const auto& n : r.notes) std::cerr << r.path << ": note: " << n << '\n';
    for (const auto& s : r.skipped) std::cerr << r.path << ":" << s.line << ": skipped: " << s.reason << '\n';
    const std::string skippedLines = counted(static_cast<int64_t>(r.skipped.size()), "skipped line");
    if (r.format == data::Format::Arena) {
        std::cout << "imported " << counted(r.battles, "arena battle") << " from " << r.path << "; " << counted(r.duplicates, "duplicate")
                  << ", " << skippedLines << '\n';
        return;
    }
    if (r.format == data::Format::Rankings) {
        std::cout << "imported " << counted(r.records, "record") << " (" << counted(r.judgements, "judgement") << ", " << r.replaced
                  << " replacing a labeller's earlier one, " << counted(r.newItems, "new item") << ", " << counted(r.newPrompts, "new prompt")
                  << ") from " << r.path << " as rankings; " << counted(r.duplicates, "duplicate") << ", " << skippedLines << '\n';
        return;
    }
    std::cout << "imported " << counted(r.records, "record") << " (" << counted(r.pairs, "pair") << ", " << counted(r.demonstrations, "demonstration")
              << ", " << counted(r.newPrompts, "new prompt") << ") from " << r.path << " as " << data::formatName(r.format) << "; "
              << counted(r.duplicates, "exact duplicate") << ", " << skippedLines << '\n';
}

void runExport(const DataOptions& o) {
    auto store = openProject(o.project, false);
    const auto r = store->exportFile(o.file, formatOption(o.format),
                                     o.split.empty() ? std::nullopt : std::optional<std::string>(o.split));
    if (o.json) printJsonLine({{"file", r.path}, {"records", r.records}, {"format", o.format}});
    else std::cout << "exported " << counted(r.records, "record") << " to " << r.path << '\n';
}

void runStats(const DataOptions& o) {
    auto store = openProject(o.project, false);
    const auto s = store->stats();
    nlohmann::ordered_json j = {{"prompts", s.prompts}, {"responses", s.responses}, {"demonstrations", s.demonstrations},
                              {"model_responses", s.modelResponses}, {"comparisons", s.comparisons},
                              {"rankings", s.rankings}, {"ranking_pairs", s.rankingPairs}, {"arena_battles", s.arenaBattles}, {"tags", s.tags}, {"runs", s.runs}, {"imports", s.imports},
                              {"prompts_per_split", s.promptsPerSplit}, {"conversational_prompts", s.conversationalPrompts},
                              {"standard_prompts", s.prompts - s.conversationalPrompts}, {"chat_template", data::kChatTemplate},
                              {"schema_version", s.schemaVersion}};
    printResult(j, o.json);
    if (const std::string warning = data::promptFormatWarning(s); !warning.empty()) std::cerr << "rlhf: warning: " << warning << '\n';
}

void runSplit(const DataOptions& o) {
    auto store = openProject(o.project, false);
    try {
        store->assignSplits(data::parseSplitRatios(o.ratios), o.seed);
    } catch (const std::invalid_argument& e) {
        throw UserError("--ratios " + o.ratios + ": " + e.what());
    }
    runStats(o);
}

void runDedup(const DataOptions& o, double threshold) {
    auto store = openProject(o.project, false);
    const auto clusters = data::findNearDuplicatePrompts(store->database(), {threshold, 64, 16});
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : clusters) list.push_back({{"prompt_ids", c.promptIds}, {"min_similarity", c.minSimilarity}});
    if (o.json) {
        printJsonLine({{"clusters", list}});
        return;
    }
    std::cout << clusters.size() << " clusters of near-duplicate prompts (estimated Jaccard >= " << threshold << ")\n";
    for (const auto& c : clusters) {
        std::cout << "  " << c.promptIds.size() << " prompts, similarity >= " << c.minSimilarity << ":";
        for (int64_t id : c.promptIds) std::cout << ' ' << id;
        std::cout << '\n';
    }
}

}  // namespace

void addDataCommands(CLI::App& app) {
    auto o = std::make_shared<DataOptions>();
    CLI::App* imp = app.add_subcommand("import", "Import a JSON-lines file into a project (created if missing)");
    imp->add_option("PROJECT", o->project)->required();
    imp->add_option("FILE", o->file)->required();
    imp->add_option("--format", o->format, "auto hh trl trl-messages sft sft-messages openai-chat openai-dpo rankings arena");
    imp->add_option("--on-error", o->onError, "abort (default: import nothing) or skip (report bad lines)")
        ->check(CLI::IsMember({"abort", "skip"}));
    imp->add_flag("--json", o->json);
    imp->callback([o] { runImport(*o); });

    CLI::App* exp = app.add_subcommand("export", "Export comparisons or demonstrations as JSON lines");
    exp->add_option("PROJECT", o->project)->required();
    exp->add_option("OUT", o->file)->required();
    exp->add_option("--format", o->format, "hh trl trl-messages sft sft-messages openai-chat openai-dpo rankings arena")->required();
    exp->add_option("--split", o->split, "train, validation or test");
    exp->add_flag("--json", o->json);
    exp->callback([o] { runExport(*o); });

    CLI::App* stats = app.add_subcommand("stats", "Counts of a project's data");
    stats->add_option("PROJECT", o->project)->required();
    stats->add_flag("--json", o->json);
    stats->callback([o] { runStats(*o); });

    CLI::App* split = app.add_subcommand("split", "Assign train/validation/test per prompt (seeded, stable)");
    split->add_option("PROJECT", o->project)->required();
    split->add_option("--ratios", o->ratios, "train,validation,test (default 0.9,0.05,0.05)");
    split->add_option("--seed", o->seed);
    split->add_flag("--json", o->json);
    split->callback([o] { runSplit(*o); });

    auto threshold = std::make_shared<double>(0.8);
    CLI::App* dedup = app.add_subcommand("dedup", "List clusters of near-duplicate prompts (MinHash)");
    dedup->add_option("PROJECT", o->project)->required();
    dedup->add_option("--threshold", *threshold, "Estimated Jaccard similarity of word 3-grams (default 0.8)")
        ->check(CLI::Range(0.01, 1.0));
    dedup->add_flag("--json", o->json);
    dedup->callback([o, threshold] { runDedup(*o, *threshold); });
}

}  // namespace rlhf::cli
