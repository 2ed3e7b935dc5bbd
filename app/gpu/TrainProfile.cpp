// rlhf-gpu-profile PRESET [TRACE.json|--no-profile]: where the GPU time of a `bench train` step goes.
// Prints the bench's bf16 training speed, then runs its steps under LibTorch's Kineto profiler and prints,
// per step, the wall time, the summed GPU kernel/copy time and the 30 largest kernels; optionally saves
// the Chrome trace. GPU servers only.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <torch/csrc/autograd/profiler_kineto.h>
#include <torch/torch.h>
#include <torch/version.h>

#include "train/GptBench.h"

namespace {

namespace profiler = torch::autograd::profiler;
using torch::profiler::impl::ActivityType;
using torch::profiler::impl::ProfilerConfig;
using torch::profiler::impl::ProfilerState;

uint64_t nanoseconds(const profiler::KinetoEvent& e) {
#if TORCH_VERSION_MAJOR >= 2
    return e.durationNs();
#else
    return e.durationUs() * 1000;
#endif
}

struct KernelTotal {
    std::string name;
    uint64_t ns = 0;
    int count = 0;
};

void report(const profiler::ProfilerResult& result, int steps, double stepMs) {
    std::map<std::string, KernelTotal> byName;
    uint64_t gpuNs = 0;
    for (const auto& e : result.events()) {
        if (e.deviceType() != c10::DeviceType::CUDA) continue;
        auto& total = byName[e.name()];
        total.name = e.name();
        total.ns += nanoseconds(e);
        total.count += 1;
        gpuNs += nanoseconds(e);
    }
    std::vector<KernelTotal> sorted;
    for (auto& [name, total] : byName) sorted.push_back(total);
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.ns > b.ns; });
    std::printf("step: %.2f ms wall, %.2f ms of GPU work (%.0f%% busy), %zu distinct kernels\n", stepMs,
                gpuNs / 1e6 / steps, 100.0 * gpuNs / 1e6 / steps / stepMs, sorted.size());
    for (size_t i = 0; i < std::min<size_t>(30, sorted.size()); ++i)
        std::printf("%8.3f ms %5.1f/step  %.110s\n", sorted[i].ns / 1e6 / steps, double(sorted[i].count) / steps,
                    sorted[i].name.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    const std::string presetName = argc > 1 ? argv[1] : "gpt2";
    const std::string tracePath = argc > 2 ? argv[2] : "";
    const torch::Device device(torch::kCUDA);
    const auto preset = rlhf::train::benchPreset(presetName, device);
    const auto plain = rlhf::train::benchTraining(preset, device, 20, 5, rlhf::train::Precision::Bf16);
    std::printf("preset %s: %.0f tokens/s (bf16, 20 steps after 5 warm-up, no profiler)\n", presetName.c_str(),
                plain.tokensPerSecond);
    if (tracePath == "--no-profile") return 0;
    const int steps = 5;
    const ProfilerConfig config(ProfilerState::KINETO);
    const std::set<ActivityType> activities{ActivityType::CPU, ActivityType::CUDA};
    std::unique_ptr<profiler::ProfilerResult> result;
    auto around = [&](bool timing) {
        if (timing) {
            profiler::prepareProfiler(config, activities);
            profiler::enableProfiler(config, activities);
        } else {
            result = profiler::disableProfiler();
        }
    };
    const auto bench = rlhf::train::benchTraining(preset, device, steps, 5, rlhf::train::Precision::Bf16, 0, around);
    const double tokens = static_cast<double>(preset.batch) * preset.config.nPositions;
    std::printf("preset %s: %.0f tokens/s under the profiler\n", presetName.c_str(), bench.tokensPerSecond);
    if (result) {
        report(*result, steps, 1e3 * tokens / bench.tokensPerSecond);
        if (!tracePath.empty()) result->save(tracePath);
    }
    return 0;
}
