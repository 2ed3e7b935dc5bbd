#include "EvalReport.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "CliSupport.h"
#include "TrainRunSupport.h"
#include "data/RunStore.h"
#include "eval/WinRate.h"
#include "util/AtomicFile.h"

namespace rlhf::cli {

namespace fs = std::filesystem;

namespace {

bool isRunId(const std::string& text) {
    return !text.empty() && text.size() < 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

nlohmann::ordered_json modelJson(const NamedModel& m, const eval::PolicyResult& r, const eval::PolicyResult& base,
                                 bool isBaseline, const std::string& judge) {
    nlohmann::ordered_json j = {{"model", m.name}, {"dir", m.dir}};
    if (m.run) j.update({{"run", m.run}, {"kind", m.kind}});
    const auto& scores = r.scores.at(judge);
    j["mean_score"] = eval::meanOf(scores);
    if (isBaseline) {
        for (const char* key : {"win_rate", "ci_low", "ci_high", "wins", "ties", "losses"}) j[key] = nullptr;
    } else {
        const auto w = eval::winRateOf(eval::pairedOutcomes(scores, base.scores.at(judge)));
        j.update({{"win_rate", w.rate}, {"ci_low", w.ciLow}, {"ci_high", w.ciHigh}, {"wins", w.wins}, {"ties", w.ties},
                  {"losses", w.losses}});
    }
    j["kl"] = r.kl;
    j["perplexity"] = r.perplexity;
    return j;
}

}  // namespace

NamedModel resolveModel(data::ProjectStore& store, const std::string& name, const std::string& option) {
    if (isRunId(name))
        if (const auto run = data::RunStore(store.database()).run(std::stoll(name))) {
            if (!run->lastCheckpoint) throw UserError(option + ": run " + name + " (" + run->kind + ") has no checkpoint yet");
            return {name, *run->lastCheckpoint, run->kind, run->id};
        }
    if (fs::is_directory(name)) return {name, fs::absolute(name).lexically_normal().string(), "", 0};
    throw UserError(option + ": " + name + " is neither a run of " + store.path() + " nor a model directory");
}

std::string shortNameOf(const NamedModel& m) {
    if (m.run > 0) return m.kind + "-" + std::to_string(m.run);
    auto path = fs::absolute(m.dir).lexically_normal();
    if (!path.has_filename()) path = path.parent_path();  // ".../model/"
    return path.filename().string();
}

nlohmann::ordered_json evaluationJson(const std::vector<NamedModel>& models, const std::vector<eval::PolicyResult>& results,
                                      size_t baseline, const std::string& judge, const std::string& split,
                                      const std::vector<std::string>& prompts, size_t samples) {
    nlohmann::ordered_json out = {{"judge", judge}, {"baseline", models.at(baseline).name}, {"prompts", prompts.size()},
                                  {"split", split},
                                  {"created_at", std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count()}};
    out["models"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < models.size(); ++i)
        out["models"].push_back(modelJson(models[i], results[i], results[baseline], i == baseline, judge));
    out["samples"] = nlohmann::ordered_json::array();
    for (size_t p = 0; p < std::min(samples, prompts.size()); ++p) {
        nlohmann::ordered_json responses;
        for (size_t i = 0; i < models.size(); ++i) responses[models[i].name] = results[i].responses[p];
        out["samples"].push_back({{"prompt", prompts[p]}, {"responses", responses}});
    }
    return out;
}

std::string saveEvaluation(data::ProjectStore& store, const nlohmann::ordered_json& evaluation) {
    const std::string folder = store.checkpointsDirectory() + "/evaluations";
    fs::create_directories(folder);
    std::string path = timestampedDir(folder + "/eval-") + ".json";
    for (int n = 2; fs::exists(path); ++n) path = timestampedDir(folder + "/eval-") + "-" + std::to_string(n) + ".json";
    AtomicFile file(path);
    file.stream() << evaluation.dump(2) << '\n';
    file.commit();
    return path;
}

void printEvaluationTable(const nlohmann::ordered_json& e) {
    std::cout << "judge: " << e["judge"].get<std::string>() << "   baseline: " << e["baseline"].get<std::string>()
              << "   prompts: " << e["prompts"] << " (" << e["split"].get<std::string>() << " split)\n";
    std::cout << std::left << std::setw(24) << "model" << std::right << std::setw(11) << "mean score" << std::setw(22)
              << "win rate [95 % CI]" << std::setw(10) << "KL" << std::setw(12) << "perplexity" << '\n';
    for (const auto& m : e["models"]) {
        std::ostringstream win;
        if (m["win_rate"].is_null()) win << "(baseline)";
        else win << std::fixed << std::setprecision(2) << m["win_rate"].get<double>() << " [" << m["ci_low"].get<double>()
                 << ", " << m["ci_high"].get<double>() << "]";
        std::cout << std::left << std::setw(24) << m["model"].get<std::string>() << std::right << std::fixed
                  << std::setprecision(3) << std::setw(11) << m["mean_score"].get<double>() << std::setw(22) << win.str()
                  << std::setw(10) << m["kl"].get<double>() << std::setw(12) << m["perplexity"].get<double>() << '\n';
    }
}

}  // namespace rlhf::cli
