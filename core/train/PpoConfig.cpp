#include "train/PpoConfig.h"

#include <set>
#include <stdexcept>

#include "train/LearningRateSchedule.h"
#include "train/SettingsJson.h"

namespace rlhf::train {

namespace {

const std::set<std::string> kKeys = {
    "model", "reward_model", "response_length", "max_prompt_length", "temperature", "rollout_batch", "mini_batch", "ppo_epochs",
    "kl_coef", "kl_target", "kl_horizon", "clip", "value_clip", "vf_coef", "gamma", "lam", "missing_eos_penalty",
    "ratio_threshold", "ptx_coef", "ptx_batch", "eval_every", "eval_prompts",
    "lr", "min_lr", "warmup_steps", "schedule", "max_steps", "weight_decay", "grad_clip", "checkpoint_every", "seed", "precision"};

}  // namespace

nlohmann::json PpoConfig::toJson() const {
    return {{"model", model}, {"reward_model", rewardModel}, {"response_length", responseLength}, {"max_prompt_length", maxPromptLength},
            {"temperature", temperature}, {"rollout_batch", rolloutBatch}, {"mini_batch", miniBatch},
            {"ppo_epochs", ppoEpochs}, {"kl_coef", klCoef}, {"kl_target", klTarget}, {"kl_horizon", klHorizon},
            {"clip", clip}, {"value_clip", valueClip}, {"vf_coef", vfCoef}, {"gamma", gamma}, {"lam", lam},
            {"missing_eos_penalty", missingEosPenalty}, {"ratio_threshold", ratioThreshold}, {"ptx_coef", ptxCoef},
            {"ptx_batch", ptxBatch}, {"eval_every", evalEvery}, {"eval_prompts", evalPrompts}, {"lr", lr}, {"min_lr", minLr}, {"warmup_steps", warmupSteps}, {"schedule", schedule},
            {"max_steps", maxSteps}, {"weight_decay", weightDecay}, {"grad_clip", gradClip},
            {"checkpoint_every", checkpointEvery}, {"seed", seed}, {"precision", precision}};
}

PpoConfig PpoConfig::fromJson(const nlohmann::json& j, const std::string& origin) {
    checkSettingKeys(j, kKeys, origin);
    PpoConfig c;
    readStringSetting(j, "model", c.model, origin);
    readStringSetting(j, "reward_model", c.rewardModel, origin);
    readPrecisionSetting(j, c.precision, origin);
    readSetting(j, "response_length", c.responseLength, origin, 1, 1 << 20);
    readSetting(j, "max_prompt_length", c.maxPromptLength, origin, 1, 1 << 20);
    readSetting(j, "temperature", c.temperature, origin, 1e-3, 100);
    readSetting(j, "rollout_batch", c.rolloutBatch, origin, 1, 65536);
    readSetting(j, "mini_batch", c.miniBatch, origin, 1, 65536);
    readSetting(j, "ppo_epochs", c.ppoEpochs, origin, 1, 1000);
    readSetting(j, "kl_coef", c.klCoef, origin, 0, 1e3);
    readSetting(j, "kl_target", c.klTarget, origin, 0, 1e6);
    readSetting(j, "kl_horizon", c.klHorizon, origin, 1, 1e12);
    readSetting(j, "clip", c.clip, origin, 0, 10);
    readSetting(j, "value_clip", c.valueClip, origin, 0, 1e6);
    readSetting(j, "vf_coef", c.vfCoef, origin, 0, 1e3);
    readSetting(j, "gamma", c.gamma, origin, 0, 1);
    readSetting(j, "lam", c.lam, origin, 0, 1);
    readSetting(j, "missing_eos_penalty", c.missingEosPenalty, origin, 0, 1e6);
    readSetting(j, "ratio_threshold", c.ratioThreshold, origin, 1, 1e12);
    readSetting(j, "ptx_coef", c.ptxCoef, origin, 0, 1e6);
    readSetting(j, "ptx_batch", c.ptxBatch, origin, 1, 65536);
    readSetting(j, "eval_every", c.evalEvery, origin, 0, 1e12);
    readSetting(j, "eval_prompts", c.evalPrompts, origin, 1, 1 << 20);
    readSetting(j, "lr", c.lr, origin, 0, 10);
    readSetting(j, "min_lr", c.minLr, origin, 0, 10);
    readSetting(j, "warmup_steps", c.warmupSteps, origin, 0, 1e12);
    readScheduleSetting(j, c.schedule, origin);
    readSetting(j, "max_steps", c.maxSteps, origin, 1, 1e12);
    readSetting(j, "weight_decay", c.weightDecay, origin, 0, 10);
    readSetting(j, "grad_clip", c.gradClip, origin, 0, 1e6);
    readSetting(j, "checkpoint_every", c.checkpointEvery, origin, 0, 1e12);
    readSetting(j, "seed", c.seed, origin, 0, 1.8e19);
    if (c.model.empty()) throw std::invalid_argument(origin + ": model: no policy given (--set model=DIR)");
    if (c.rewardModel.empty()) throw std::invalid_argument(origin + ": reward_model: no reward model given (--set reward_model=DIR)");
    if (c.rolloutBatch % c.miniBatch != 0)
        throw std::invalid_argument(origin + ": rollout_batch " + std::to_string(c.rolloutBatch) + " is not a multiple of mini_batch " +
                                    std::to_string(c.miniBatch));
    return c;
}

}  // namespace rlhf::train
