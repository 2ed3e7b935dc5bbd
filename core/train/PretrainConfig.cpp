#include "train/PretrainConfig.h"
#include "train/LearningRateSchedule.h"
#include "train/SettingsJson.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rlhf::train {

namespace {

const std::set<std::string> kKeys = {"text_path", "architecture", "state_size", "expand", "conv_kernel", "vocab_size", "n_layer", "n_head", "n_embd", "context",
                                     "batch_size", "grad_accum", "lr", "min_lr", "warmup_steps", "schedule", "max_steps",
                                     "weight_decay", "grad_clip", "eval_every", "eval_batches", "checkpoint_every",
                                     "seed", "val_fraction", "precision"};

}  // namespace

nlohmann::json PretrainConfig::toJson() const {
    return {{"text_path", textPath}, {"architecture", architecture}, {"vocab_size", vocabSize}, {"n_layer", nLayer},
            {"n_head", nHead}, {"n_embd", nEmbd}, {"state_size", stateSize}, {"expand", expand}, {"conv_kernel", convKernel}, {"context", context}, {"batch_size", batchSize}, {"grad_accum", gradAccum},
            {"lr", lr}, {"min_lr", minLr}, {"warmup_steps", warmupSteps}, {"schedule", schedule}, {"max_steps", maxSteps},
            {"weight_decay", weightDecay}, {"grad_clip", gradClip}, {"eval_every", evalEvery},
            {"eval_batches", evalBatches}, {"checkpoint_every", checkpointEvery}, {"seed", seed},
            {"val_fraction", valFraction}, {"precision", precision}};
}

PretrainConfig PretrainConfig::fromJson(const nlohmann::json& j, const std::string& origin) {
    checkSettingKeys(j, kKeys, origin);
    PretrainConfig c;
    readStringSetting(j, "text_path", c.textPath, origin);
    readPrecisionSetting(j, c.precision, origin);
    readSetting(j, "vocab_size", c.vocabSize, origin, 257, 65536);
    readSetting(j, "n_layer", c.nLayer, origin, 1, 96);
    readSetting(j, "n_head", c.nHead, origin, 1, 128);
    readSetting(j, "n_embd", c.nEmbd, origin, 8, 16384);
    readStringSetting(j, "architecture", c.architecture, origin);
    if (c.architecture != "gpt2" && c.architecture != "mamba")
        throw std::invalid_argument(origin + ": architecture must be \"gpt2\" or \"mamba\", found \"" + c.architecture + "\"");
    readSetting(j, "state_size", c.stateSize, origin, 1, 256);
    readSetting(j, "expand", c.expand, origin, 1, 8);
    readSetting(j, "conv_kernel", c.convKernel, origin, 2, 16);
    readSetting(j, "context", c.context, origin, 2, 65536);
    readSetting(j, "batch_size", c.batchSize, origin, 1, 65536);
    readSetting(j, "grad_accum", c.gradAccum, origin, 1, 65536);
    readSetting(j, "lr", c.lr, origin, 0, 10);
    readSetting(j, "min_lr", c.minLr, origin, 0, 10);
    readSetting(j, "warmup_steps", c.warmupSteps, origin, 0, 1e12);
    readScheduleSetting(j, c.schedule, origin);
    readSetting(j, "max_steps", c.maxSteps, origin, 1, 1e12);
    readSetting(j, "weight_decay", c.weightDecay, origin, 0, 10);
    readSetting(j, "grad_clip", c.gradClip, origin, 0, 1e6);
    readSetting(j, "eval_every", c.evalEvery, origin, 0, 1e12);
    readSetting(j, "eval_batches", c.evalBatches, origin, 1, 1e6);
    readSetting(j, "checkpoint_every", c.checkpointEvery, origin, 0, 1e12);
    readSetting(j, "seed", c.seed, origin, 0, 1.8e19);
    readSetting(j, "val_fraction", c.valFraction, origin, 0.01, 0.5);
    if (c.architecture == "gpt2" && c.nEmbd % c.nHead != 0)
        throw std::invalid_argument(origin + ": n_embd " + std::to_string(c.nEmbd) + " is not divisible by n_head " +
                                    std::to_string(c.nHead));
    return c;
}

nlohmann::json collectSettings(const std::string& configFile, const std::vector<std::string>& sets) {
    nlohmann::json settings = nlohmann::json::object();
    if (!configFile.empty()) {
        std::ifstream in(configFile);
        if (!in) throw std::invalid_argument(configFile + ": cannot open");
        std::stringstream s;
        s << in.rdbuf();
        try {
            settings = nlohmann::json::parse(s.str());
        } catch (const nlohmann::json::parse_error& e) {
            throw std::invalid_argument(configFile + ": invalid JSON at byte " + std::to_string(e.byte));
        }
        if (!settings.is_object()) throw std::invalid_argument(configFile + ": expected a JSON object");
    }
    for (const auto& set : sets) {
        const size_t eq = set.find('=');
        if (eq == std::string::npos || eq == 0) throw std::invalid_argument("--set " + set + ": expected key=value");
        const std::string key = set.substr(0, eq), value = set.substr(eq + 1);
        try {
            settings[key] = nlohmann::json::parse(value);
        } catch (const nlohmann::json::parse_error&) {
            settings[key] = value;
        }
    }
    return settings;
}

}  // namespace rlhf::train
