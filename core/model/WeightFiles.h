#pragma once
// The weight files of a checkpoint directory: model.safetensors, or the shards a Hugging Face
// model.safetensors.index.json lists (save_pretrained splits big models). Never pickles: a directory with
// only pytorch_model.bin is refused with the reason. Throws std::invalid_argument (or SafetensorsError)
// naming the file and the problem.

#include <filesystem>
#include <memory>
#include <vector>

#include "model/Safetensors.h"

namespace rlhf::model {

std::vector<std::unique_ptr<SafetensorsFile>> openWeightFiles(const std::filesystem::path& dir);

}  // namespace rlhf::model
