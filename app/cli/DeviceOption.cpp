#include "DeviceOption.h"

#include <cstdlib>
#include <thread>

#include <CLI/CLI.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "model/LlamaConfig.h"
#include "train/Precision.h"
#include "util/EngineSwitches.h"

namespace rlhf::cli {

void addDeviceOption(CLI::App* cmd, std::string& device) {
    cmd->add_option("--device", device, "cpu, cuda or auto")->check(CLI::IsMember({"cpu", "cuda", "auto"}));
}

torch::Device resolveDevice(const std::string& name, int threads) {
    if (threads <= 0) threads = threadsFromEnvironment();
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    if (name == "cpu") return torch::kCPU;
    if (torch::cuda::is_available()) return torch::Device(torch::kCUDA, 0);
    if (name == "auto") return torch::kCPU;
    throw UserError("--device cuda: no CUDA device is available (this build: LibTorch " +
                    std::string(TORCH_VERSION) + ")");
}

void addInferencePrecisionOption(CLI::App* cmd, std::string& precision, const std::string& defaultName) {
    precision = defaultName;
    cmd->add_option("--precision", precision,
                    "fp32, bf16 (Llama family: half the memory, faster on CPUs with AVX512-BF16/AMX) or auto (bf16 where "
                    "it is native; default " + defaultName + ")")
        ->check(CLI::IsMember({"fp32", "bf16", "auto"}));
}

torch::ScalarType inferenceDtype(const std::string& precision, const std::string& dir, const torch::Device& device) {
    if (precision == "fp32") return torch::kFloat32;
    const std::string type = model::modelTypeOf(dir);
    const bool llama = model::isLlamaFamily(type);
    if (precision == "bf16" && !llama)
        throw UserError("--precision bf16: for Llama-family models; this " + type + " model runs in float32 (--precision fp32 or auto)");
    if (precision == "auto") return llama && train::parsePrecision("auto", device) == train::Precision::Bf16 ? torch::kBFloat16 : torch::kFloat32;
    return torch::kBFloat16;
}

const char* dtypeName(torch::ScalarType dtype) { return dtype == torch::kBFloat16 ? "bf16" : "fp32"; }

}  // namespace rlhf::cli
