#pragma once
// The tensors of a Hugging Face checkpoint directory (model.safetensors or its shards) by their stored
// names, for loaders that know every name their architecture has: each is taken once, its shape checked
// against the config's, converted to float32 (or the type asked for) on the device; whatever is left over at the end is refused,
// since an unknown tensor means the directory is not the architecture its config names. Errors are
// std::invalid_argument (or SafetensorsError) naming the file and the tensor.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <torch/types.h>

#include "model/Safetensors.h"

namespace rlhf::model {

class CheckpointTensors {
public:
    // Opens the weight files (only F32, F16 and BF16 tensors accepted).
    explicit CheckpointTensors(const std::string& dir);

    bool has(const std::string& name) const { return where_.count(name) != 0; }
    // The tensor `name` with exactly `shape`, as `dtype` (float32, or bfloat16 for bf16 inference) on `device`.
    torch::Tensor take(const std::string& name, const std::vector<int64_t>& shape, const torch::Device& device,
                       torch::ScalarType dtype = torch::kFloat32);
    // take() when `wanted`, else an undefined tensor.
    torch::Tensor takeIf(bool wanted, const std::string& name, const std::vector<int64_t>& shape, const torch::Device& device);
    // Throws for the first tensor not taken whose name ends with none of `ignoredSuffixes`.
    void refuseLeftovers(const std::vector<std::string>& ignoredSuffixes = {}) const;

private:
    std::vector<std::unique_ptr<SafetensorsFile>> files_;
    std::map<std::string, const SafetensorsFile*> where_;
    std::set<std::string> taken_;
};

}  // namespace rlhf::model
