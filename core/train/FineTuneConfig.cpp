#include "train/FineTuneConfig.h"

#include <set>
#include <stdexcept>

#include "train/LearningRateSchedule.h"
#include "train/SettingsJson.h"

namespace rlhf::train {

namespace {

const std::set<std::string> kKeys = {"model", "batch_size", "grad_accum", "max_length", "lr", "min_lr",
                                     "warmup_steps", "schedule", "epochs", "max_steps", "weight_decay", "grad_clip",
                                     "eval_every", "eval_batches", "checkpoint_every", "seed", "precision"};

}  // namespace

const std::set<std::string>& FineTuneConfig::settingKeys() { return kKeys; }

nlohmann::json FineTuneConfig::toJson() const {
    return {{"model", model}, {"batch_size", batchSize}, {"grad_accum", gradAccum}, {"max_length", maxLength},
            {"lr", lr}, {"min_lr", minLr}, {"warmup_steps", warmupSteps}, {"schedule", schedule}, {"epochs", epochs},
            {"max_steps", maxSteps}, {"weight_decay", weightDecay}, {"grad_clip", gradClip},
            {"eval_every", evalEvery}, {"eval_batches", evalBatches}, {"checkpoint_every", checkpointEvery},
            {"seed", seed}, {"precision", precision}};
}

FineTuneConfig FineTuneConfig::rewardDefaults() {
    FineTuneConfig c;
    c.lr = 1e-5;
    c.epochs = 1;
    return c;
}

FineTuneConfig FineTuneConfig::fromJson(const nlohmann::json& j, const std::string& origin, const FineTuneConfig& defaults) {
    checkSettingKeys(j, kKeys, origin);
    FineTuneConfig c = defaults;
    readStringSetting(j, "model", c.model, origin);
    readPrecisionSetting(j, c.precision, origin);
    readSetting(j, "batch_size", c.batchSize, origin, 1, 65536);
    readSetting(j, "grad_accum", c.gradAccum, origin, 1, 65536);
    readSetting(j, "max_length", c.maxLength, origin, 0, 1 << 20);
    readSetting(j, "lr", c.lr, origin, 0, 10);
    readSetting(j, "min_lr", c.minLr, origin, 0, 10);
    readSetting(j, "warmup_steps", c.warmupSteps, origin, 0, 1e12);
    readScheduleSetting(j, c.schedule, origin);
    readSetting(j, "epochs", c.epochs, origin, 0, 1e6);
    readSetting(j, "max_steps", c.maxSteps, origin, 0, 1e12);
    readSetting(j, "weight_decay", c.weightDecay, origin, 0, 10);
    readSetting(j, "grad_clip", c.gradClip, origin, 0, 1e6);
    readSetting(j, "eval_every", c.evalEvery, origin, 0, 1e12);
    readSetting(j, "eval_batches", c.evalBatches, origin, 1, 1e6);
    readSetting(j, "checkpoint_every", c.checkpointEvery, origin, 0, 1e12);
    readSetting(j, "seed", c.seed, origin, 0, 1.8e19);
    if (c.model.empty()) throw std::invalid_argument(origin + ": model: no base model given (--set model=DIR)");
    if (c.maxSteps == 0 && c.epochs <= 0) throw std::invalid_argument(origin + ": epochs must be above 0 when max_steps is 0");
    return c;
}

}  // namespace rlhf::train
