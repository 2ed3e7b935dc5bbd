#pragma once
// Settings of a DPO run (DESIGN §5 DPO); JSON keys as written in --config files and --set.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "train/DpoLoss.h"

namespace rlhf::train {

struct DpoConfig {
    std::string model;             // model: the policy to start from and the frozen reference, a Hugging Face GPT-2 directory (required)
    double beta = 0.1;             // beta: strength of the implicit KL to the reference
    std::string lossType = "sigmoid";  // loss_type: sigmoid (DPO; with label_smoothing, cDPO) or ipo
    double labelSmoothing = 0.0;   // label_smoothing: cDPO's probability that a label is flipped (sigmoid only)
    int batchSize = 8;             // batch_size: pairs per micro-batch
    int gradAccum = 1;             // grad_accum: micro-batches per optimiser step
    int maxLength = 0;             // max_length: tokens per prompt + response + EOS (0: the model's context)
    double lr = 1e-6;              // lr: peak learning rate (TRL's DPO default)
    double minLr = 0.0;            // min_lr: end of the cosine decay
    int64_t warmupSteps = 0;       // warmup_steps
    double epochs = 1;             // epochs: passes over the train split's pairs, when max_steps is 0
    int64_t maxSteps = 0;          // max_steps: optimiser steps (0: from epochs)
    double weightDecay = 0.0;      // weight_decay (AdamW, decoupled)
    double gradClip = 1.0;         // grad_clip: global norm; 0 disables
    int64_t evalEvery = 50;        // eval_every: validation cadence (0: never)
    int evalBatches = 8;           // eval_batches: micro-batches of the validation split's pairs
    int64_t checkpointEvery = 0;   // checkpoint_every (0: only at the end or on stop)
    uint64_t seed = 1;             // seed: the order of the pairs
    std::string precision = "auto";// precision: fp32, bf16 (autocast) or auto

    DpoOptions lossOptions() const;
    nlohmann::json toJson() const;
    // Unknown keys, wrong types and out-of-range values throw std::invalid_argument naming the key.
    static DpoConfig fromJson(const nlohmann::json& j, const std::string& origin);
};

}  // namespace rlhf::train
