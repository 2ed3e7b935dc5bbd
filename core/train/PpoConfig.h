#pragma once
// Settings of a PPO run (architecture §5 PPO; names and defaults as TRL's PPOConfig where it has them); JSON
// keys as written in --config files and --set.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "train/LearningRateSchedule.h"

namespace rlhf::train {

struct PpoConfig {
    std::string model;             // model: the policy to start from, also the frozen reference (required)
    std::string rewardModel;       // reward_model: a reward model directory; the value model starts from it (required)
    int responseLength = 53;       // response_length: new tokens per rollout at most
    int maxPromptLength = 1024;    // max_prompt_length: longer prompts (in tokens) are skipped (OpenRLHF's prompt_max_len)
    double temperature = 0.7;      // temperature: of sampling (top_k 0, top_p 1) and of scoring
    int rolloutBatch = 16;         // rollout_batch: prompts rolled out per step
    int miniBatch = 4;             // mini_batch: rollouts per optimiser update
    int ppoEpochs = 4;             // ppo_epochs: passes over a step's rollouts
    double klCoef = 0.05;          // kl_coef: β, the start of the adaptive one
    double klTarget = 0;           // kl_target: 0 keeps β fixed; else Ziegler's adaptive β towards this summed KL
    double klHorizon = 10000;      // kl_horizon: of the adaptive β
    double clip = 0.2;             // clip: ε of the policy ratio (TRL's cliprange)
    double valueClip = 0.2;        // value_clip: ε of the values (TRL's cliprange_value)
    double vfCoef = 0.1;           // vf_coef: weight of the value loss
    double gamma = 1.0;            // gamma
    double lam = 0.95;             // lam: λ of GAE
    double missingEosPenalty = 0;  // missing_eos_penalty: subtracted from the score of a rollout without EOS
    double ratioThreshold = 10;    // ratio_threshold: a mini-batch whose mean policy ratio exceeds it is skipped (TRL's, 10)
    double ptxCoef = 0;            // ptx_coef: γ of InstructGPT's PPO-ptx, the pretraining log-likelihood term (0: off)
    int ptxBatch = 4;              // ptx_batch: windows of the project's pretraining text per mini-batch update
    int64_t evalEvery = 20;        // eval_every: roll out the validation prompts every N steps (0: never)
    int evalPrompts = 16;          // eval_prompts: validation prompts per evaluation (the first ones, same sampling seed)
    double lr = 3e-6;              // lr: peak learning rate (TRL's default)
    double minLr = 0.0;            // min_lr: where the cosine or linear decay ends
    int64_t warmupSteps = 0;       // warmup_steps
    std::string schedule = "cosine";// schedule: cosine, linear or constant (LearningRateSchedule)
    int64_t maxSteps = 100;        // max_steps: rollout batches
    double weightDecay = 0.0;      // weight_decay (AdamW, decoupled)
    double gradClip = 1.0;         // grad_clip: global norm; 0 disables
    int64_t checkpointEvery = 0;   // checkpoint_every (0: only at the end or on stop)
    uint64_t seed = 1;             // seed: prompt order and sampling
    std::string precision = "auto";// precision: fp32, bf16 (autocast) or auto

    LearningRateSchedule lrSchedule() const { return {schedule, lr, minLr, warmupSteps, maxSteps}; }
    nlohmann::json toJson() const;
    // Unknown keys, wrong types and out-of-range values throw std::invalid_argument naming the key.
    static PpoConfig fromJson(const nlohmann::json& j, const std::string& origin);
};

}  // namespace rlhf::train
