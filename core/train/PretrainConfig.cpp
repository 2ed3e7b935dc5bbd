#include "train/PretrainConfig.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace rlhf::train {

namespace {

template <typename T>
void read(const nlohmann::json& j, const char* key, T& field, const std::string& origin, double minimum, double maximum) {
    if (!j.contains(key)) return;
    const auto& v = j[key];
    if (!v.is_number() || (std::is_integral_v<T> && !v.is_number_integer()))
        throw std::invalid_argument(origin + ": " + key + " must be " + (std::is_integral_v<T> ? "an integer" : "a number") +
                                    ", found " + v.dump());
    const double d = v.get<double>();
    if (d < minimum || d > maximum)
        throw std::invalid_argument(origin + ": " + key + " = " + v.dump() + " is outside [" + std::to_string(minimum) +
                                    ", " + std::to_string(maximum) + "]");
    field = v.get<T>();
}

const std::set<std::string> kKeys = {"text_path", "vocab_size", "n_layer", "n_head", "n_embd", "context",
                                     "batch_size", "grad_accum", "lr", "min_lr", "warmup_steps", "max_steps",
                                     "weight_decay", "grad_clip", "eval_every", "eval_batches", "checkpoint_every",
                                     "seed", "val_fraction", "precision"};

}  // namespace

nlohmann::json PretrainConfig::toJson() const {
    return {{"text_path", textPath}, {"vocab_size", vocabSize}, {"n_layer", nLayer}, {"n_head", nHead},
            {"n_embd", nEmbd}, {"context", context}, {"batch_size", batchSize}, {"grad_accum", gradAccum},
            {"lr", lr}, {"min_lr", minLr}, {"warmup_steps", warmupSteps}, {"max_steps", maxSteps},
            {"weight_decay", weightDecay}, {"grad_clip", gradClip}, {"eval_every", evalEvery},
            {"eval_batches", evalBatches}, {"checkpoint_every", checkpointEvery}, {"seed", seed},
            {"val_fraction", valFraction}, {"precision", precision}};
}

PretrainConfig PretrainConfig::fromJson(const nlohmann::json& j, const std::string& origin) {
    if (!j.is_object()) throw std::invalid_argument(origin + ": expected a JSON object of settings");
    std::string known;
    for (const auto& k : kKeys) known += (known.empty() ? "" : ", ") + k;
    for (const auto& [key, value] : j.items())
        if (!kKeys.count(key)) throw std::invalid_argument(origin + ": unknown setting '" + key + "' (known: " + known + ")");
    PretrainConfig c;
    if (j.contains("text_path")) {
        if (!j["text_path"].is_string()) throw std::invalid_argument(origin + ": text_path must be a string");
        c.textPath = j["text_path"].get<std::string>();
    }
    if (j.contains("precision")) {
        const auto& p = j["precision"];
        if (!p.is_string() || (p != "fp32" && p != "bf16" && p != "auto"))
            throw std::invalid_argument(origin + ": precision must be \"fp32\", \"bf16\" or \"auto\", found " + p.dump());
        c.precision = p.get<std::string>();
    }
    read(j, "vocab_size", c.vocabSize, origin, 257, 65536);
    read(j, "n_layer", c.nLayer, origin, 1, 96);
    read(j, "n_head", c.nHead, origin, 1, 128);
    read(j, "n_embd", c.nEmbd, origin, 8, 16384);
    read(j, "context", c.context, origin, 2, 65536);
    read(j, "batch_size", c.batchSize, origin, 1, 65536);
    read(j, "grad_accum", c.gradAccum, origin, 1, 65536);
    read(j, "lr", c.lr, origin, 0, 10);
    read(j, "min_lr", c.minLr, origin, 0, 10);
    read(j, "warmup_steps", c.warmupSteps, origin, 0, 1e12);
    read(j, "max_steps", c.maxSteps, origin, 1, 1e12);
    read(j, "weight_decay", c.weightDecay, origin, 0, 10);
    read(j, "grad_clip", c.gradClip, origin, 0, 1e6);
    read(j, "eval_every", c.evalEvery, origin, 0, 1e12);
    read(j, "eval_batches", c.evalBatches, origin, 1, 1e6);
    read(j, "checkpoint_every", c.checkpointEvery, origin, 0, 1e12);
    read(j, "seed", c.seed, origin, 0, 1.8e19);
    read(j, "val_fraction", c.valFraction, origin, 0.01, 0.5);
    if (c.nEmbd % c.nHead != 0)
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
