#pragma once
// A project: one SQLite file (*.rlhf) plus the sibling folder <name>.rlhf.d/ for checkpoints (architecture §3).
// The API the CLI and the widgets use; no SQL lives outside core/data. One ProjectStore (one SQLite
// connection) per thread: open another on the same path for a worker thread.

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "data/Database.h"
#include "data/Exporter.h"
#include "data/Importer.h"
#include "data/Splits.h"

namespace rlhf::data {

struct ProjectStats {
    int64_t prompts = 0, responses = 0, demonstrations = 0, modelResponses = 0, comparisons = 0;
    int64_t rankings = 0, tags = 0, runs = 0, imports = 0;
    int64_t rankingPairs = 0;
    int64_t arenaBattles = 0;   // the pairs rankings imply: each pair ranked apart (ties, all-bad give none)
    std::map<std::string, int64_t> promptsPerSplit;  // train / validation / test / (none)
    // Conversational prompts (a message list, or an HH dialogue) are rendered for training with the chat
    // template; standard prompts are used as written. A project holding both trains on two formats.
    int64_t conversationalPrompts = 0;
    int schemaVersion = 0;
    bool mixesPromptFormats() const { return conversationalPrompts > 0 && conversationalPrompts < prompts; }
};

// The chat template conversational data is rendered with: HH's "\n\nHuman: …\n\nAssistant:" (the only
// one until models bring their own).
inline constexpr const char* kChatTemplate = "hh";

// One line for people about a project that mixes conversational and standard prompts; empty otherwise.
std::string promptFormatWarning(const ProjectStats& stats);

class ProjectStore {
public:
    // Opens `path`, creating an empty project when `create` and it does not exist; migrates old files.
    // Throws StoreError naming the file and the problem.
    static std::unique_ptr<ProjectStore> open(const std::string& path, bool create);
    // Whether opening the existing project file `path` would migrate it to this version's schema (which
    // can take seconds: the v2 step rebuilds the full-text indexes). False for files it cannot read.
    static bool needsMigration(const std::string& path);

    const std::string& path() const { return db_->path(); }
    std::string checkpointsDirectory() const;  // <path>.d

    ImportReport importFile(const std::string& file, const ImportOptions& options) { return importJsonl(*db_, file, options); }
    ExportReport exportFile(const std::string& file, Format format, const std::optional<std::string>& split) {
        return exportJsonl(*db_, file, format, split);
    }
    ProjectStats stats();
    // Re-assigns every prompt's split (and stores seed and ratios for future imports).
    void assignSplits(const SplitRatios& ratios, uint64_t seed);

    // A copy of the whole project at `path` (VACUUM INTO: consistent even while in use).
    void saveCopy(const std::string& path);

    Database& database() { return *db_; }  // for other core/data classes

private:
    explicit ProjectStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
    std::unique_ptr<Database> db_;
};

}  // namespace rlhf::data
