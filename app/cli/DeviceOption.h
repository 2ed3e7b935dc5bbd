#pragma once
// --device cpu|cuda|auto, --threads and --precision, shared by the commands that run a model.
#include <string>

#include <torch/types.h>

namespace CLI { class App; }
namespace rlhf::cli {
void addDeviceOption(CLI::App* cmd, std::string& device);
// "auto" picks CUDA when available; "cuda" without CUDA is a user error. Also sets LibTorch's
// intra-op threads to all cores unless RLHF_THREADS / --threads said otherwise.
torch::Device resolveDevice(const std::string& name, int threads = 0);

// --precision fp32|bf16|auto of the commands that run a model without training it (generate, score, chat);
// `defaultName` is the command's default.
void addInferencePrecisionOption(CLI::App* cmd, std::string& precision, const std::string& defaultName);
// The type the weights of the model in `dir` are held and computed in. bf16 is for the Llama family (GPT-2
// and Mamba run in float32: asking bf16 of them is a UserError); "auto" picks it for a Llama-family model
// on a GPU of compute capability 8.0 or newer or on a CPU that multiplies bf16 natively (AVX512-BF16,
// AMX), else float32.
torch::ScalarType inferenceDtype(const std::string& precision, const std::string& dir, const torch::Device& device);
// "fp32" or "bf16".
const char* dtypeName(torch::ScalarType dtype);
}  // namespace rlhf::cli
