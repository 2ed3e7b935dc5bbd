#pragma once
// Settings of a supervised fine-tuning run (DESIGN §5 SFT); JSON keys as written in --config files and --set.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::train {

struct SftConfig {
    std::string model;             // model: the base model, a Hugging Face GPT-2 directory (required)
    int batchSize = 8;             // batch_size: demonstrations per micro-batch
    int gradAccum = 1;             // grad_accum: micro-batches per optimiser step
    int maxLength = 0;             // max_length: tokens per demonstration, prompt + response + EOS (0: the model's context)
    double lr = 2e-5;              // lr: peak learning rate (TRL's SFT default)
    double minLr = 0.0;            // min_lr: end of the cosine decay
    int64_t warmupSteps = 0;       // warmup_steps
    double epochs = 3;             // epochs: passes over the train split's demonstrations, when max_steps is 0
    int64_t maxSteps = 0;          // max_steps: optimiser steps (0: from epochs)
    double weightDecay = 0.0;      // weight_decay (AdamW, decoupled)
    double gradClip = 1.0;         // grad_clip: global norm; 0 disables
    int64_t evalEvery = 50;        // eval_every: validation loss cadence (0: never)
    int evalBatches = 8;           // eval_batches: micro-batches of the validation split's demonstrations
    int64_t checkpointEvery = 0;   // checkpoint_every (0: only at the end or on stop)
    uint64_t seed = 1;             // seed: the order of the demonstrations
    std::string precision = "auto";// precision: fp32, bf16 (autocast) or auto

    nlohmann::json toJson() const;
    // Unknown keys, wrong types and out-of-range values throw std::invalid_argument naming the key.
    static SftConfig fromJson(const nlohmann::json& j, const std::string& origin);
};

}  // namespace rlhf::train
