#pragma once
// --device cpu|cuda|auto and --threads, shared by the commands that run a model.
#include <string>

#include <torch/types.h>

namespace CLI { class App; }
namespace rlhf::cli {
void addDeviceOption(CLI::App* cmd, std::string& device);
// "auto" picks CUDA when available; "cuda" without CUDA is a user error. Also sets LibTorch's
// intra-op threads to all cores unless RLHF_THREADS / --threads said otherwise.
torch::Device resolveDevice(const std::string& name, int threads = 0);
}  // namespace rlhf::cli
