#pragma once
// The built-in demo project (docs/demo.md): `rlhf demo create` and the workbench's first launch make
// it from generated data (DemoData). It is an ordinary project plus
//   settings key "demo"          {"version", "seed", "labeller"}: marks it a demo (demo run refuses others)
//   PROJECT.rlhf.d/demo/         corpus.txt (pretraining text), demonstrations.jsonl and comparisons.jsonl
//                                (what was imported, kept for reading)
// Splits: 0.8 / 0.1 / 0.1 of the prompts, by content hash with the demo's seed.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "data/Database.h"
#include "demo/DemoData.h"

namespace rlhf::demo {

struct DemoCreated {
    int64_t demonstrations = 0, pairs = 0, prompts = 0, corpusBytes = 0;
};

// Builds the project at `path` under a temporary name and renames it into place, so a failure or a kill
// leaves nothing at `path`. Throws std::runtime_error naming the path when it exists or cannot be written.
DemoCreated createDemoProject(const std::string& path, uint64_t seed = 1, const DemoSizes& sizes = {});

// The project's "demo" setting, or nothing for a project that is not a demo.
std::optional<nlohmann::json> demoSettings(data::Database& db);
// PROJECT.rlhf.d/demo/corpus.txt, given the project's checkpoints directory (PROJECT.rlhf.d).
std::string demoCorpusPath(const std::string& projectDataDirectory);

}  // namespace rlhf::demo
