#include "model/CheckpointTensors.h"

#include <algorithm>
#include <stdexcept>

#include <torch/torch.h>

#include "model/WeightFiles.h"

namespace rlhf::model {

namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace

CheckpointTensors::CheckpointTensors(const std::string& dir) : files_(openWeightFiles(dir)) {
    for (const auto& file : files_)
        for (const auto& [name, info] : file->tensors()) {
            if (info.dtype != "F32" && info.dtype != "F16" && info.dtype != "BF16")
                throw std::invalid_argument(file->path() + ": tensor '" + name + "' has dtype " + info.dtype + " (expected F32, F16 or BF16)");
            if (!where_.emplace(name, file.get()).second)
                throw std::invalid_argument(file->path() + ": tensor '" + name + "' is stored twice");
        }
}

torch::Tensor CheckpointTensors::take(const std::string& name, const std::vector<int64_t>& shape, const torch::Device& device,
                                      torch::ScalarType dtype) {
    const auto it = where_.find(name);
    if (it == where_.end()) throw std::invalid_argument(files_.front()->path() + ": missing tensor '" + name + "'");
    const auto& info = it->second->tensors().at(name);
    if (info.shape != shape)
        throw std::invalid_argument(it->second->path() + ": tensor '" + name + "' has shape " + shapeText(info.shape) +
                                    ", the config says " + shapeText(shape));
    taken_.insert(name);
    return it->second->load(name).to(device, dtype);
}

torch::Tensor CheckpointTensors::takeIf(bool wanted, const std::string& name, const std::vector<int64_t>& shape,
                                        const torch::Device& device) {
    return wanted ? take(name, shape, device) : torch::Tensor();
}

void CheckpointTensors::refuseLeftovers(const std::vector<std::string>& ignoredSuffixes) const {
    for (const auto& [name, file] : where_) {
        const bool ignored = std::any_of(ignoredSuffixes.begin(), ignoredSuffixes.end(),
                                         [&](const std::string& suffix) { return name.ends_with(suffix); });
        if (!taken_.count(name) && !ignored)
            throw std::invalid_argument(file->path() + ": unexpected tensor '" + name + "' for this config");
    }
}

}  // namespace rlhf::model
