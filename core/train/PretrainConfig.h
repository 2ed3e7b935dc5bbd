#pragma once
// Settings of a from-scratch pretraining run; JSON keys as written in --config files and --set. The
// architecture is a GPT-2 (n_head attention heads) or a Mamba (state_size, expand, conv_kernel; no heads),
// both n_layer deep and n_embd wide.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "train/LearningRateSchedule.h"

namespace rlhf::train {

struct PretrainConfig {
    std::string textPath;          // text_path: the UTF-8 training text
    std::string architecture = "gpt2";  // architecture: gpt2 or mamba
    int vocabSize = 1024;          // vocab_size: BPE trained on the text (512-8192 for demos)
    int nLayer = 4;                // n_layer
    int nHead = 4;                 // n_head
    int nEmbd = 128;               // n_embd
    int stateSize = 16;            // state_size: Mamba's state per channel (N)
    int expand = 2;                // expand: Mamba's channels per n_embd (I = expand × n_embd)
    int convKernel = 4;            // conv_kernel: Mamba's causal convolution width
    int context = 128;             // context: tokens per training window (= n_positions)
    int batchSize = 16;            // batch_size: windows per micro-batch
    int gradAccum = 1;             // grad_accum: micro-batches per optimiser step
    double lr = 1e-3;              // lr: peak learning rate
    double minLr = 1e-4;           // min_lr: where the cosine or linear decay ends
    int64_t warmupSteps = 50;      // warmup_steps
    std::string schedule = "cosine";// schedule: cosine, linear or constant (LearningRateSchedule)
    int64_t maxSteps = 500;        // max_steps
    double weightDecay = 0.1;      // weight_decay (AdamW, decoupled)
    double gradClip = 1.0;         // grad_clip: global norm; 0 disables
    int64_t evalEvery = 50;        // eval_every: validation loss cadence (0: never)
    int evalBatches = 8;           // eval_batches
    int64_t checkpointEvery = 250; // checkpoint_every (0: only at the end or on stop)
    uint64_t seed = 1;             // seed: initialisation and window sampling
    double valFraction = 0.1;      // val_fraction: tail of the token stream held out
    std::string precision = "auto";// precision: fp32, bf16 (autocast) or auto (bf16 on Ampere-or-newer GPUs and BF16-capable CPUs)

    LearningRateSchedule lrSchedule() const { return {schedule, lr, minLr, warmupSteps, maxSteps}; }
    nlohmann::json toJson() const;
    // Unknown keys, wrong types and out-of-range values throw std::invalid_argument naming the key.
    static PretrainConfig fromJson(const nlohmann::json& j, const std::string& origin);
};

// Reads an optional --config JSON file and applies --set key=value overrides (values parsed as JSON
// when they parse, else taken as strings). Throws std::invalid_argument naming the file or setting.
nlohmann::json collectSettings(const std::string& configFile, const std::vector<std::string>& sets);

}  // namespace rlhf::train
