#pragma once
// Settings of a fine-tuning run that starts from a model directory and learns a project's data: SFT
// (architecture §5 SFT), the reward model, and DPO (DpoConfig adds its own); JSON keys as written in --config
// files and --set. The stages differ in their defaults (sftDefaults, rewardDefaults, DpoConfig's).

#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "train/LearningRateSchedule.h"

namespace rlhf::train {

struct FineTuneConfig {
    std::string model;             // model: the start, a Hugging Face GPT-2 directory (required)
    int batchSize = 8;             // batch_size: demonstrations (reward model: preference groups; DPO: pairs) per micro-batch
    int gradAccum = 1;             // grad_accum: micro-batches per optimiser step
    int maxLength = 0;             // max_length: tokens per demonstration, prompt + response + EOS (0: the model's context)
    double lr = 2e-5;              // lr: peak learning rate (SFT: TRL's default)
    double minLr = 0.0;            // min_lr: where the cosine or linear decay ends
    int64_t warmupSteps = 0;       // warmup_steps
    std::string schedule = "cosine";// schedule: cosine, linear or constant (LearningRateSchedule)
    double epochs = 3;             // epochs: passes over the train split, when max_steps is 0
    int64_t maxSteps = 0;          // max_steps: optimiser steps (0: from epochs)
    double weightDecay = 0.0;      // weight_decay (AdamW, decoupled)
    double gradClip = 1.0;         // grad_clip: global norm; 0 disables
    int64_t evalEvery = 50;        // eval_every: validation loss cadence (0: never)
    int evalBatches = 8;           // eval_batches: micro-batches of the validation split
    int64_t checkpointEvery = 0;   // checkpoint_every (0: only at the end or on stop)
    uint64_t seed = 1;             // seed: the order of the rows (reward model: and its head's initialisation)
    std::string precision = "auto";// precision: fp32, bf16 (autocast) or auto

    static FineTuneConfig sftDefaults() { return {}; }
    static FineTuneConfig rewardDefaults();  // lr 1e-5, one epoch

    static const std::set<std::string>& settingKeys();

    LearningRateSchedule lrSchedule() const { return {schedule, lr, minLr, warmupSteps, maxSteps}; }
    nlohmann::json toJson() const;
    // `defaults` with j's settings; unknown keys, wrong types and out-of-range values throw
    // std::invalid_argument naming the key.
    static FineTuneConfig fromJson(const nlohmann::json& j, const std::string& origin,
                                   const FineTuneConfig& defaults = sftDefaults());
};

}  // namespace rlhf::train
