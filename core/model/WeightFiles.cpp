#include "model/WeightFiles.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace rlhf::model {

std::vector<std::unique_ptr<SafetensorsFile>> openWeightFiles(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::vector<std::unique_ptr<SafetensorsFile>> files;
    if (fs::exists(dir / "model.safetensors")) {
        files.push_back(std::make_unique<SafetensorsFile>((dir / "model.safetensors").string()));
        return files;
    }
    const fs::path index = dir / "model.safetensors.index.json";
    if (!fs::exists(index)) {
        for (const char* pickle : {"pytorch_model.bin", "model.bin"})
            if (fs::exists(dir / pickle))
                throw std::invalid_argument((dir / pickle).string() + ": only safetensors weights are read (pickles can run code); "
                                            "save the model with safe_serialization=True");
        throw std::invalid_argument((dir / "model.safetensors").string() + ": no such file");
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(std::ifstream(index));
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(index.string() + ": invalid JSON at byte " + std::to_string(e.byte));
    }
    if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object() || j["weight_map"].empty())
        throw std::invalid_argument(index.string() + ": missing field weight_map (tensor name -> shard file)");
    std::map<std::string, std::vector<std::string>> shards;  // file -> tensors the index puts there
    for (const auto& [tensor, file] : j["weight_map"].items()) {
        if (!file.is_string()) throw std::invalid_argument(index.string() + ": weight_map." + tensor + " must be a file name");
        const std::string name = file.get<std::string>();
        if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "..")
            throw std::invalid_argument(index.string() + ": weight_map." + tensor + " names '" + name +
                                        "', which is not a file in the model directory");
        shards[name].push_back(tensor);
    }
    for (const auto& [name, tensors] : shards) {
        files.push_back(std::make_unique<SafetensorsFile>((dir / name).string()));
        for (const auto& tensor : tensors)
            if (!files.back()->contains(tensor))
                throw std::invalid_argument(index.string() + ": tensor '" + tensor + "' is not in " + name);
    }
    return files;
}

}  // namespace rlhf::model
