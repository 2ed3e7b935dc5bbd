#pragma once
// A copy of a fixture model directory with one of its JSON files (config.json, generation_config.json)
// changed: what loader tests break on purpose.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::test {

// Copies `source` into a new directory under `tmp` and applies `edit` to its `file`; returns the copy's path.
inline std::string editedModelCopy(const std::filesystem::path& tmp, const std::filesystem::path& source, const std::string& file,
                                   const std::function<void(nlohmann::json&)>& edit) {
    namespace fs = std::filesystem;
    const fs::path dir = tmp / (source.filename().string() + "-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(source)) fs::copy_file(entry.path(), dir / entry.path().filename());
    nlohmann::json j = nlohmann::json::parse(std::ifstream(dir / file));
    edit(j);
    std::ofstream(dir / file) << j.dump();
    return dir.string();
}

}  // namespace rlhf::test
