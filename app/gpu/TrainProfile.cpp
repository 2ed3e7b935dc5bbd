// rlhf-gpu-profile [--generate] PRESET [TRACE.json|--no-profile]: where the time of a `bench train` step
// (or, with --generate, of a batch-16 generation's token step) goes. Prints the bench's speed, then runs it
// under LibTorch's Kineto profiler and prints, per step, the wall time, the summed GPU kernel/copy time,
// the 30 largest kernels and the 12 costliest host ops; optionally saves the Chrome trace. GPU servers only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <torch/csrc/autograd/profiler_kineto.h>
#include <torch/torch.h>
#include <torch/version.h>

#include "model/Generation.h"
#include "model/Gpt2Model.h"
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

// Events of one device type summed by name, the largest first.
std::vector<KernelTotal> totalsByName(const profiler::ProfilerResult& result, c10::DeviceType type) {
    std::map<std::string, KernelTotal> byName;
    for (const auto& e : result.events()) {
        if (e.deviceType() != type) continue;
        auto& total = byName[e.name()];
        total.name = e.name();
        total.ns += nanoseconds(e);
        total.count += 1;
    }
    std::vector<KernelTotal> sorted;
    for (auto& [name, total] : byName) sorted.push_back(total);
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.ns > b.ns; });
    return sorted;
}

void printLargest(const std::vector<KernelTotal>& sorted, size_t count, int steps) {
    for (size_t i = 0; i < std::min(count, sorted.size()); ++i)
        std::printf("%8.3f ms %5.1f/step  %.110s\n", sorted[i].ns / 1e6 / steps, double(sorted[i].count) / steps,
                    sorted[i].name.c_str());
}

// The GPU's busy time and its 30 largest kernels; then the 12 host ops with the most time in total (nested
// ops count in their parents too; a synchronisation shows as time in aten::item, _local_scalar_dense or to).
void report(const profiler::ProfilerResult& result, int steps, double stepMs) {
    const auto kernels = totalsByName(result, c10::DeviceType::CUDA);
    uint64_t gpuNs = 0;
    for (const auto& k : kernels) gpuNs += k.ns;
    std::printf("step: %.2f ms wall, %.2f ms of GPU work (%.0f%% busy), %zu distinct kernels\n", stepMs,
                gpuNs / 1e6 / steps, 100.0 * gpuNs / 1e6 / steps / stepMs, kernels.size());
    printLargest(kernels, 30, steps);
    std::printf("host ops (ms per step, calls per step):\n");
    printLargest(totalsByName(result, c10::DeviceType::CPU), 12, steps);
}

// Kineto on for CPU ops and GPU kernels between start() and stop().
struct Profiling {
    const ProfilerConfig config{ProfilerState::KINETO};
    const std::set<ActivityType> activities{ActivityType::CPU, ActivityType::CUDA};
    std::unique_ptr<profiler::ProfilerResult> result;

    void start() {
        profiler::prepareProfiler(config, activities);
        profiler::enableProfiler(config, activities);
    }
    void stop() { result = profiler::disableProfiler(); }
};

double millisecondsOf(const std::function<void()>& work) {
    torch::cuda::synchronize();
    const auto t0 = std::chrono::steady_clock::now();
    work();
    torch::cuda::synchronize();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// `bench generate`'s large batch (16 prompts of 16 random tokens, 64 sampled tokens each), per new token.
int profileGeneration(const rlhf::train::BenchPreset& preset, const torch::Device& device, const std::string& tracePath) {
    torch::manual_seed(0);
    rlhf::model::Gpt2Model gpt(preset.config);
    gpt->to(device);
    gpt->eval();
    const int batch = 16, newTokens = 64;
    auto prompt = torch::randint(0, preset.config.vocabSize, {16}, torch::kLong);
    const std::vector<std::vector<int>> prompts(batch, std::vector<int>(prompt.data_ptr<int64_t>(), prompt.data_ptr<int64_t>() + 16));
    rlhf::model::SamplingOptions o;
    o.maxNewTokens = newTokens;
    o.stopAtEos = false;
    o.seed = 1;
    auto generateOnce = [&] { rlhf::model::generate(gpt, prompts, o); };
    generateOnce();  // captures the decode graph
    const double plainMs = millisecondsOf(generateOnce);
    std::printf("generation b%d: %.0f new tokens/s (%.3f ms per token step, no profiler)\n", batch,
                batch * newTokens / plainMs * 1e3, plainMs / newTokens);
    if (tracePath == "--no-profile") return 0;
    Profiling profiling;
    const double profiledMs = millisecondsOf([&] {
        profiling.start();
        generateOnce();
        torch::cuda::synchronize();
        profiling.stop();
    });
    report(*profiling.result, newTokens, profiledMs / newTokens);
    if (!tracePath.empty()) profiling.result->save(tracePath);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool generation = !args.empty() && args.front() == "--generate";
    if (generation) args.erase(args.begin());
    const std::string presetName = args.size() > 0 ? args[0] : "gpt2";
    const std::string tracePath = args.size() > 1 ? args[1] : "";
    const torch::Device device(torch::kCUDA);
    const auto preset = rlhf::train::benchPreset(presetName, device);
    if (generation) return profileGeneration(preset, device, tracePath);
    const auto plain = rlhf::train::benchTraining(preset, device, 20, 5, rlhf::train::Precision::Bf16);
    std::printf("preset %s: %.0f tokens/s (bf16, 20 steps after 5 warm-up, no profiler%s)\n", presetName.c_str(),
                plain.tokensPerSecond, plain.cudaGraph ? ", CUDA graph" : "");
    if (tracePath == "--no-profile") return 0;
    const int steps = 5;
    Profiling profiling;
    auto around = [&](bool timing) { timing ? profiling.start() : profiling.stop(); };
    const auto bench = rlhf::train::benchTraining(preset, device, steps, 5, rlhf::train::Precision::Bf16, 0, around);
    const double tokens = static_cast<double>(preset.batch) * preset.config.nPositions;
    std::printf("preset %s: %.0f tokens/s under the profiler\n", presetName.c_str(), bench.tokensPerSecond);
    report(*profiling.result, steps, 1e3 * tokens / bench.tokensPerSecond);
    if (!tracePath.empty()) profiling.result->save(tracePath);
    return 0;
}
