#pragma once
// A project with 24 demonstrations, all in the train split, and the tiny GPT-2 as a Hugging Face directory
// beside it: what the tests that drive rlhf-engine as a child process train on (RLHF_TEST_DATA_DIR).
#include <filesystem>
#include <fstream>
#include <string>

#include "data/ProjectStore.h"

namespace rlhf::test {

struct TinySftProject {
    std::filesystem::path project, model;
};

inline TinySftProject makeTinySftProject(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    TinySftProject out{dir / "p.rlhf", dir / "base"};
    fs::create_directories(out.model);
    for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
        fs::copy_file(fs::path(RLHF_TEST_DATA_DIR) / f, out.model / fs::path(f).filename());
    std::ofstream records(dir / "sft.jsonl");
    for (int i = 1; i <= 24; ++i) records << "{\"prompt\": \"Question " << i << "?\", \"completion\": \" " << i << " and more.\"}\n";
    records.close();
    auto store = data::ProjectStore::open(out.project.string(), true);
    store->importFile((dir / "sft.jsonl").string(), {});
    store->assignSplits(data::parseSplitRatios("1,0,0"), 0);
    return out;
}

}  // namespace rlhf::test
