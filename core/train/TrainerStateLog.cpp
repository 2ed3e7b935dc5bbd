#include "train/TrainerStateLog.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace rlhf::train {

namespace {

// Keys of the Trainer's summary entry (train()'s last log): kept apart from the curves.
const std::set<std::string> kSummaryKeys = {"train_runtime", "train_samples_per_second", "train_steps_per_second", "total_flos",
                                            "train_loss"};

bool isRuntimeFigure(const std::string& key) {
    return key.ends_with("_runtime") || key.ends_with("_samples_per_second") || key.ends_with("_steps_per_second");
}

// Python's json.dumps writes NaN, Infinity and -Infinity (a grad_norm after an fp16 overflow), which JSON
// has not: outside strings they become null, a value that draws no point.
std::string nullsForNonFinite(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size()) out += text[++i];
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        bool replaced = false;
        for (const std::string token : {"-Infinity", "Infinity", "NaN"})
            if (text.compare(i, token.size(), token) == 0) {
                out += "null";
                i += token.size() - 1;
                replaced = true;
                break;
            }
        if (!replaced) out += c;
    }
    return out;
}

}  // namespace

std::string workbenchMetricName(const std::string& key) {
    if (key == "step" || key == "total_flos" || isRuntimeFigure(key)) return "";
    if (key == "learning_rate") return "lr";
    if (key.starts_with("eval_")) return "val_" + key.substr(5);
    return key;
}

TrainerStateLog TrainerStateLog::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument(path + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(nullsForNonFinite(text.str()));
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(path + ": invalid JSON at byte " + std::to_string(e.byte));
    }
    if (!j.is_object() || !j.contains("log_history") || !j["log_history"].is_array())
        throw std::invalid_argument(path + ": no log_history list (not a Trainer's trainer_state.json)");
    TrainerStateLog log;
    log.globalStep = j.value("global_step", int64_t(0));
    log.epoch = j.contains("epoch") && j["epoch"].is_number() ? j["epoch"].get<double>() : 0.0;
    const auto& history = j["log_history"];
    for (size_t i = 0; i < history.size(); ++i) {
        const auto& entry = history[i];
        const std::string where = path + ": log_history[" + std::to_string(i) + "]";
        if (!entry.is_object()) throw std::invalid_argument(where + " is not an object");
        if (!entry.contains("step") || !entry["step"].is_number_integer() || entry["step"].get<int64_t>() < 0)
            throw std::invalid_argument(where + ": missing or bad field step");
        const bool summary = entry.contains("train_runtime");
        auto& values = log.steps[entry["step"].get<int64_t>()];
        for (const auto& [key, value] : entry.items()) {
            if (!value.is_number()) continue;  // strings and nulls are no curve
            if (summary && kSummaryKeys.count(key)) {
                log.summary[key] = value;
            } else if (const std::string name = workbenchMetricName(key); !name.empty()) {
                values[name] = value.get<double>();
            }
        }
        if (values.empty() || (values.size() == 1 && values.count("epoch"))) log.steps.erase(entry["step"].get<int64_t>());
    }
    if (log.globalStep == 0 && !log.steps.empty()) log.globalStep = log.steps.rbegin()->first;
    return log;
}

std::string TrainerStateLog::guessStage(bool hasScoreHead) const {
    if (hasScoreHead) return "rm";
    for (const auto& [step, values] : steps)
        for (const auto& [name, value] : values) {
            if (name.starts_with("rewards/") || name.starts_with("val_rewards/")) return "dpo";
            if (name.starts_with("objective/")) return "ppo";
        }
    return "sft";
}

}  // namespace rlhf::train
