#pragma once
// The `rlhf bench train|generate` measurements, done the way ../shared/bench/py_gpt_baseline.py does
// them so the two print comparable numbers: random tokens; training = forward, cross-entropy,
// backward, AdamW step, after warm-up steps; generation = 16-token random prompts, 64 sampled tokens.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <torch/types.h>

#include "model/Gpt2Config.h"
#include "train/Precision.h"

namespace rlhf::train {

struct BenchPreset {
    model::Gpt2Config config;  // context = n_positions
    int batch = 1;
};

// Seconds since t0, once the device has finished its queued work (a benchmark's clock).
double secondsSince(std::chrono::steady_clock::time_point t0, const torch::Device& device);

// tiny, small, gpt2 (architecture §7); throws std::invalid_argument for another name.
BenchPreset benchPreset(const std::string& name, const torch::Device& device);

// forward: the blocks up to the final layer norm; loss: the output layer, the log-probs and their mean.
struct TrainPhaseSeconds {
    double forward = 0, loss = 0, backward = 0, optimizer = 0;
};

struct TrainBenchResult {
    double tokensPerSecond = 0;  // over `steps` steps after `warmup`, unsynchronised as in training
    double lastLoss = 0;         // of the last step
    std::optional<TrainPhaseSeconds> phaseMilliseconds;  // per step, from `phaseSteps` synchronised eager steps after those
    bool cudaGraph = false;               // the timed steps replayed a CUDA graph (GradientPass)
};
// aroundTimedSteps, if given, is called with true just before the timed steps and with false once they
// have finished on the device (the GPU profiler uses it).
TrainBenchResult benchTraining(const BenchPreset& preset, const torch::Device& device, int steps, int warmup,
                               Precision precision, int phaseSteps = 0,
                               const std::function<void(bool timing)>& aroundTimedSteps = {});

struct GenerateBenchResult {
    double batch1TokensPerSecond = 0;
    double batch8TokensPerSecond = 0;  // batch 16 on CUDA for the gpt2 preset
    int largeBatch = 8;
};
GenerateBenchResult benchGeneration(const BenchPreset& preset, const torch::Device& device);

}  // namespace rlhf::train
