#include "runs/StageSettings.h"

#include <stdexcept>

#include "data/JudgementSelection.h"
#include "train/DpoConfig.h"
#include "train/FineTuneConfig.h"
#include "train/PpoConfig.h"
#include "train/PretrainConfig.h"

namespace rlhf::widgets {

namespace {

// The reward model and DPO also choose whose judgements they learn from (data/JudgementSelection.h).
nlohmann::json withSelection(nlohmann::json settings) {
    settings.update(data::JudgementSelection{}.toJson());
    return settings;
}

}  // namespace

nlohmann::json defaultStageSettings(const std::string& kind) {
    if (kind == "pretrain") return train::PretrainConfig{}.toJson();
    if (kind == "sft") return train::FineTuneConfig::sftDefaults().toJson();
    if (kind == "rm") return withSelection(train::FineTuneConfig::rewardDefaults().toJson());
    if (kind == "dpo") return withSelection(train::DpoConfig{}.toJson());
    if (kind == "ppo") return train::PpoConfig{}.toJson();
    throw std::invalid_argument("unknown run kind " + kind);
}

void validateStageSettings(const std::string& kind, const nlohmann::json& given) {
    const std::string origin = "settings";
    nlohmann::json settings = given;
    if (kind == "rm" || kind == "dpo") data::JudgementSelection::takeFrom(settings, origin);
    if (kind == "pretrain") train::PretrainConfig::fromJson(settings, origin);
    else if (kind == "sft") train::FineTuneConfig::fromJson(settings, origin, train::FineTuneConfig::sftDefaults());
    else if (kind == "rm") train::FineTuneConfig::fromJson(settings, origin, train::FineTuneConfig::rewardDefaults());
    else if (kind == "dpo") train::DpoConfig::fromJson(settings, origin);
    else if (kind == "ppo") train::PpoConfig::fromJson(settings, origin);
    else throw std::invalid_argument("unknown run kind " + kind);
}

nlohmann::json settingValueOf(const std::string& text) {
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || parsed.is_object() || parsed.is_array()) return text;
    return parsed;
}

}  // namespace rlhf::widgets
