#pragma once
// `rlhf bench ppo`: where a PPO step's time goes, measured on the PPO run itself (PpoRun) with random
// models of a bench preset, so no project, tokenizer or trained model is needed. In `workDir` it writes a
// byte-level tokenizer of the preset's vocabulary (the 256 byte tokens, unreachable filler tokens, and
// <|endoftext|> as the preset's last id, so every prompt of n ASCII characters is n tokens), the policy
// (random, seed 0) and a reward model (random backbone, seed 1, and a scalar head), then runs
// warmup + steps PPO steps of `rollout` prompts with up to responseLength sampled tokens and ppoEpochs
// passes of mini-batch updates. The figures are the means of the runs' own time/* metrics over the timed
// steps.

#include <string>

#include <torch/types.h>

#include "train/GptBench.h"

namespace rlhf::train {

struct PpoBenchOptions {
    int rollout = 16;         // prompts rolled out per step
    int promptTokens = 32;
    int responseLength = 32;  // new tokens per rollout at most
    int miniBatch = 4;
    int ppoEpochs = 4;
    int steps = 3;
    int warmup = 1;
    std::string precision = "auto";
};

// Sizes for a preset on a device: tiny 16 × (32 + 32); small 8 × (64 + 64); gpt2 on CUDA 64 × (128 + 128),
// mini-batches of 16 (issue 19's PPO figure), on the CPU 4 × (64 + 64), one timed step.
PpoBenchOptions ppoBenchDefaults(const std::string& preset, const torch::Device& device);

struct PpoBenchResult {
    double stepSeconds = 0, generationSeconds = 0, scoringSeconds = 0, updateSeconds = 0;  // means per timed step
    double responseTokens = 0;  // mean sampled tokens per rollout
    double updates = 0;         // optimiser updates per step (mini-batches not skipped)
};

// Throws std::invalid_argument when the prompt and the response do not fit the preset's context.
PpoBenchResult benchPpo(const BenchPreset& preset, const torch::Device& device, const PpoBenchOptions& options,
                        const std::string& workDir);

}  // namespace rlhf::train
