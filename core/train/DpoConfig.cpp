#include "train/DpoConfig.h"

#include <set>
#include <stdexcept>

#include "train/SettingsJson.h"

namespace rlhf::train {

namespace {

const std::set<std::string> kLossKeys = {"beta", "loss_type", "label_smoothing"};

}  // namespace

DpoConfig::DpoConfig() {
    lr = 1e-6;
    epochs = 1;
}

DpoOptions DpoConfig::lossOptions() const {
    return {beta, labelSmoothing, lossType == "ipo" ? DpoLossType::Ipo : DpoLossType::Sigmoid};
}

nlohmann::json DpoConfig::toJson() const {
    nlohmann::json j = FineTuneConfig::toJson();
    j.update({{"beta", beta}, {"loss_type", lossType}, {"label_smoothing", labelSmoothing}});
    return j;
}

DpoConfig DpoConfig::fromJson(const nlohmann::json& j, const std::string& origin) {
    std::set<std::string> keys = FineTuneConfig::settingKeys();
    keys.insert(kLossKeys.begin(), kLossKeys.end());
    checkSettingKeys(j, keys, origin);
    if (!j.contains("model") || j["model"] == "") throw std::invalid_argument(origin + ": model: no policy given (--set model=DIR)");
    nlohmann::json common = j;
    for (const auto& key : kLossKeys) common.erase(key);
    DpoConfig c;
    static_cast<FineTuneConfig&>(c) = FineTuneConfig::fromJson(common, origin, c);
    readStringSetting(j, "loss_type", c.lossType, origin);
    readSetting(j, "beta", c.beta, origin, 1e-6, 1e6);
    readSetting(j, "label_smoothing", c.labelSmoothing, origin, 0, 0.5);
    if (c.lossType != "sigmoid" && c.lossType != "ipo")
        throw std::invalid_argument(origin + ": loss_type must be \"sigmoid\" or \"ipo\", found \"" + c.lossType + "\"");
    if (c.labelSmoothing >= 0.5)
        throw std::invalid_argument(origin + ": label_smoothing must be below 0.5 (at 0.5 a label says nothing)");
    if (c.lossType == "ipo" && c.labelSmoothing > 0)
        throw std::invalid_argument(origin + ": label_smoothing (cDPO) goes with loss_type sigmoid, not ipo");
    return c;
}

}  // namespace rlhf::train
