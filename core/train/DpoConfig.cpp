#include "train/DpoConfig.h"

#include <set>
#include <stdexcept>

#include "train/SettingsJson.h"

namespace rlhf::train {

namespace {

const std::set<std::string> kKeys = {"model", "beta", "loss_type", "label_smoothing", "batch_size", "grad_accum",
                                     "max_length", "lr", "min_lr", "warmup_steps", "epochs", "max_steps",
                                     "weight_decay", "grad_clip", "eval_every", "eval_batches", "checkpoint_every",
                                     "seed", "precision"};

}  // namespace

DpoOptions DpoConfig::lossOptions() const {
    return {beta, labelSmoothing, lossType == "ipo" ? DpoLossType::Ipo : DpoLossType::Sigmoid};
}

nlohmann::json DpoConfig::toJson() const {
    return {{"model", model}, {"beta", beta}, {"loss_type", lossType}, {"label_smoothing", labelSmoothing},
            {"batch_size", batchSize}, {"grad_accum", gradAccum}, {"max_length", maxLength}, {"lr", lr},
            {"min_lr", minLr}, {"warmup_steps", warmupSteps}, {"epochs", epochs}, {"max_steps", maxSteps},
            {"weight_decay", weightDecay}, {"grad_clip", gradClip}, {"eval_every", evalEvery},
            {"eval_batches", evalBatches}, {"checkpoint_every", checkpointEvery}, {"seed", seed},
            {"precision", precision}};
}

DpoConfig DpoConfig::fromJson(const nlohmann::json& j, const std::string& origin) {
    checkSettingKeys(j, kKeys, origin);
    DpoConfig c;
    readStringSetting(j, "model", c.model, origin);
    readStringSetting(j, "loss_type", c.lossType, origin);
    readPrecisionSetting(j, c.precision, origin);
    readSetting(j, "beta", c.beta, origin, 1e-6, 1e6);
    readSetting(j, "label_smoothing", c.labelSmoothing, origin, 0, 0.5);
    readSetting(j, "batch_size", c.batchSize, origin, 1, 65536);
    readSetting(j, "grad_accum", c.gradAccum, origin, 1, 65536);
    readSetting(j, "max_length", c.maxLength, origin, 0, 1 << 20);
    readSetting(j, "lr", c.lr, origin, 0, 10);
    readSetting(j, "min_lr", c.minLr, origin, 0, 10);
    readSetting(j, "warmup_steps", c.warmupSteps, origin, 0, 1e12);
    readSetting(j, "epochs", c.epochs, origin, 0, 1e6);
    readSetting(j, "max_steps", c.maxSteps, origin, 0, 1e12);
    readSetting(j, "weight_decay", c.weightDecay, origin, 0, 10);
    readSetting(j, "grad_clip", c.gradClip, origin, 0, 1e6);
    readSetting(j, "eval_every", c.evalEvery, origin, 0, 1e12);
    readSetting(j, "eval_batches", c.evalBatches, origin, 1, 1e6);
    readSetting(j, "checkpoint_every", c.checkpointEvery, origin, 0, 1e12);
    readSetting(j, "seed", c.seed, origin, 0, 1.8e19);
    if (c.model.empty()) throw std::invalid_argument(origin + ": model: no policy given (--set model=DIR)");
    if (c.lossType != "sigmoid" && c.lossType != "ipo")
        throw std::invalid_argument(origin + ": loss_type must be \"sigmoid\" or \"ipo\", found \"" + c.lossType + "\"");
    if (c.labelSmoothing >= 0.5)
        throw std::invalid_argument(origin + ": label_smoothing must be below 0.5 (at 0.5 a label says nothing)");
    if (c.lossType == "ipo" && c.labelSmoothing > 0)
        throw std::invalid_argument(origin + ": label_smoothing (cDPO) goes with loss_type sigmoid, not ipo");
    if (c.maxSteps == 0 && c.epochs <= 0) throw std::invalid_argument(origin + ": epochs must be above 0 when max_steps is 0");
    return c;
}

}  // namespace rlhf::train
