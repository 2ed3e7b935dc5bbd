#include "DeviceOption.h"

#include <cstdlib>
#include <thread>

#include <CLI/CLI.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
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

}  // namespace rlhf::cli
