#include "DemoRun.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>

#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EvalReport.h"
#include "FineTuneCommands.h"
#include "TrainCommand.h"
#include "data/Demonstrations.h"
#include "data/PreferencePairs.h"
#include "data/PromptTexts.h"
#include "demo/DemoProject.h"
#include "demo/DemoStageSettings.h"
#include "eval/WinRate.h"

namespace rlhf::cli {

namespace {

using Clock = std::chrono::steady_clock;

using demo::DemoStage;
using demo::demoStages;

std::vector<std::string> settingsOf(const DemoStage& stage, const DemoRunOptions& o) {
    std::vector<std::string> sets = stage.settings;
    for (const auto& s : o.sets) {
        const auto dot = s.find('.');
        const std::string name = s.substr(0, dot);
        if (dot == std::string::npos || std::none_of(demoStages().begin(), demoStages().end(), [&](const DemoStage& d) { return name == d.kind; }))
            throw UserError("--set: expected STAGE.KEY=VALUE with STAGE one of pretrain, sft, rm, ppo, dpo; found " + s);
        if (name == stage.kind) sets.push_back(s.substr(dot + 1));
    }
    return sets;
}

struct StageRun {
    int64_t run = 0;
    std::string checkpoint;
    double seconds = 0;
};

// Pretraining reads the demo's corpus (train pretrain does on a demo project).
StageRun runStage(const DemoStage& stage, const DemoRunOptions& o, const std::map<std::string, StageRun>& done) {
    TrainOptions t;
    t.project = o.project;
    t.device = o.device;
    t.threads = o.threads;
    t.sets = settingsOf(stage, o);
    const std::string kind = stage.kind;
    if (kind != "pretrain") t.sets.push_back("model=" + done.at(kind == "sft" ? "pretrain" : "sft").checkpoint);
    if (kind == "ppo") t.sets.push_back("reward_model=" + done.at("rm").checkpoint);
    std::cerr << "\n== " << stage.title << " (rlhf train " << kind << ") ==\n";
    const auto start = Clock::now();
    const StageOutcome outcome = kind == "pretrain" ? trainPretrain(t) : trainFineTuneStage(kind, t);
    const int64_t run = outcome.result.value("run", int64_t(0));
    if (!outcome.error.empty()) throw UserError("demo run: the " + kind + " stage (run " + std::to_string(run) + ") failed: " + outcome.error);
    if (outcome.result.value("stopped", false))
        throw UserError("demo run: stopped during the " + kind + " stage; run " + std::to_string(run) +
                        " keeps its checkpoint (rlhf train " + kind + " " + o.project + " --resume " + std::to_string(run) + ")");
    return {run, outcome.result.value("checkpoint", std::string()), std::chrono::duration<double>(Clock::now() - start).count()};
}

// Share of the validation pairs whose chosen response the reward model scores higher.
nlohmann::ordered_json rewardModelAccuracy(data::ProjectStore& store, const eval::Judge& rm) {
    const auto pairs = data::readPreferencePairs(store.database(), "validation");
    std::vector<std::string> prompts, chosen, rejected;
    for (const auto& p : pairs) {
        prompts.push_back(p.prompt);
        chosen.push_back(p.chosen);
        rejected.push_back(p.rejected);
    }
    const auto a = rm.scores(prompts, chosen), b = rm.scores(prompts, rejected);
    double right = 0;
    for (size_t i = 0; i < a.size(); ++i) right += a[i] > b[i] ? 1 : 0;
    return {{"val_accuracy", pairs.empty() ? 0.0 : right / static_cast<double>(pairs.size())}, {"val_pairs", pairs.size()}};
}

// The policies' numbers by both judges: the reward model's mean score, the labeller's mean score and win
// rate against SFT, KL to SFT, perplexity; and whether a policy fooled the reward model.
void addPolicyNumbers(nlohmann::ordered_json& out, const std::vector<eval::PolicyResult>& results, const std::string& rm) {
    const char* names[] = {"sft", "ppo", "dpo"};
    for (size_t i = 0; i < results.size(); ++i) {
        out["mean_score"][names[i]] = eval::meanOf(results[i].scores.at(rm));
        out["labeller_mean_score"][names[i]] = eval::meanOf(results[i].scores.at("synthetic"));
        out["perplexity"][names[i]] = results[i].perplexity;
    }
    std::vector<std::string> hacked;
    for (size_t i = 1; i < results.size(); ++i) {
        const auto w = eval::winRateOf(eval::pairedOutcomes(results[i].scores.at("synthetic"), results[0].scores.at("synthetic")));
        const auto rmWin = eval::winRateOf(eval::pairedOutcomes(results[i].scores.at(rm), results[0].scores.at(rm)));
        out["win_rate_vs_sft"][names[i]] = w.rate;
        out["win_rate_ci"][names[i]] = {w.ciLow, w.ciHigh};
        out["rm_win_rate_vs_sft"][names[i]] = rmWin.rate;
        out["kl"][names[i]] = results[i].kl;
        const bool hacking = out["mean_score"][names[i]].get<double>() > out["mean_score"]["sft"].get<double>() && w.rate <= 0.5;
        out["reward_hacking"][names[i]] = hacking;
        if (hacking) hacked.push_back(names[i]);
    }
    out["verdict"] = hacked.empty()
                         ? "Both judges agree: what the reward model prefers, the synthetic labeller prefers too."
                         : "Reward hacking: the reward model scores " + std::string(hacked.size() > 1 ? "PPO and DPO" : hacked[0] == "ppo" ? "PPO" : "DPO") +
                               " above SFT, but the synthetic labeller does not prefer it.";
}

nlohmann::ordered_json samplesOf(const std::vector<std::string>& prompts, const std::vector<eval::PolicyResult>& results, size_t n) {
    nlohmann::ordered_json samples = nlohmann::ordered_json::array();
    for (size_t k = 0; k < std::min(n, prompts.size()); ++k) {
        const size_t p = k * prompts.size() / std::min(n, prompts.size());  // spread over the test prompts' kinds
        samples.push_back({{"prompt", prompts[p]}, {"sft", results[0].responses[p]}, {"ppo", results[1].responses[p]},
                           {"dpo", results[2].responses[p]}});
    }
    return samples;
}

nlohmann::ordered_json evaluateDemo(data::ProjectStore& store, const std::map<std::string, StageRun>& runs, const torch::Device& device) {
    std::cerr << "\n== Evaluation: SFT, PPO and DPO on the test split, judged by the reward model and the synthetic labeller ==\n";
    const std::string rmName = "rm:" + std::to_string(runs.at("rm").run);
    const auto rm = eval::rewardModelJudge(rmName, runs.at("rm").checkpoint, device);
    nlohmann::ordered_json out;
    out["rm"] = rewardModelAccuracy(store, rm);
    const auto prompts = data::readPromptTexts(store.database(), "test");
    const auto demonstrations = data::readDemonstrations(store.database(), "test");
    std::vector<NamedModel> models;
    for (const char* kind : {"sft", "ppo", "dpo"}) models.push_back({kind, runs.at(kind).checkpoint, kind, runs.at(kind).run});
    std::vector<eval::PolicySpec> specs;
    for (const auto& m : models) specs.push_back({m.name, m.dir});
    const auto results = eval::evaluatePolicies(specs, 0, prompts, demonstrations, {rm, eval::syntheticLabellerJudge()}, {}, device);
    addPolicyNumbers(out, results, rmName);
    out["test_prompts"] = prompts.size();
    out["samples"] = samplesOf(prompts, results, 4);
    for (const auto& judge : {rmName, std::string("synthetic")})
        out["evaluations"].push_back(saveEvaluation(store, evaluationJson(models, results, 0, judge, "test", prompts, 3)));
    return out;
}

void printSummary(const nlohmann::ordered_json& s) {
    auto f = [](const nlohmann::ordered_json& v) {
        std::ostringstream o;
        o << std::fixed << std::setprecision(3) << v.get<double>();
        return o.str();
    };
    std::cout << "\nThe demo's recipe, end to end in " << std::fixed << std::setprecision(0) << s["seconds"].get<double>() << " s\n"
              << "reward model: validation accuracy " << f(s["rm"]["val_accuracy"]) << " on " << s["rm"]["val_pairs"] << " pairs\n\n"
              << "policy  RM score  labeller score  win rate vs SFT (labeller) [95 % CI]  KL to SFT\n";
    for (const char* p : {"sft", "ppo", "dpo"}) {
        std::cout << std::left << std::setw(8) << p << std::right << std::setw(8) << f(s["mean_score"][p]) << std::setw(16)
                  << f(s["labeller_mean_score"][p]);
        if (std::string(p) == "sft") std::cout << "  (the reference)\n";
        else std::cout << std::setw(12) << f(s["win_rate_vs_sft"][p]) << " [" << f(s["win_rate_ci"][p][0]) << ", "
                       << f(s["win_rate_ci"][p][1]) << "]" << std::setw(17) << f(s["kl"][p]) << '\n';
    }
    std::cout << '\n' << s["verdict"].get<std::string>() << "\n\nBefore and after (greedy, test prompts):\n";
    for (const auto& sample : s["samples"]) {
        std::cout << sample["prompt"].get<std::string>().substr(2) << '\n';
        for (const char* p : {"sft", "ppo", "dpo"}) std::cout << "  " << p << ":" << sample[p].get<std::string>() << '\n';
    }
}

}  // namespace

void runDemo(const DemoRunOptions& o) {
    const auto start = Clock::now();
    {
        auto store = data::ProjectStore::open(o.project, false);
        if (!demo::demoSettings(store->database()))
            throw UserError(o.project + ": not a demo project (rlhf demo create PROJECT makes one; rlhf train runs each stage on any project)");
        const std::string corpus = demo::demoCorpusPath(store->checkpointsDirectory());
        if (!std::filesystem::exists(corpus)) throw UserError(corpus + ": the demo's pretraining corpus is missing");
    }
    std::map<std::string, StageRun> runs;
    for (const auto& stage : demoStages()) runs[stage.kind] = runStage(stage, o, runs);
    auto store = data::ProjectStore::open(o.project, false);
    nlohmann::ordered_json summary = evaluateDemo(*store, runs, resolveDevice(o.device, o.threads));
    for (const auto& [kind, r] : runs) {
        summary["runs"][kind] = r.run;
        summary["stage_seconds"][kind] = r.seconds;
    }
    summary["seconds"] = std::chrono::duration<double>(Clock::now() - start).count();
    if (o.json) printJsonLine(summary);
    else printSummary(summary);
}

}  // namespace rlhf::cli
