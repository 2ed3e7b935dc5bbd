#include "EvalCommand.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EngineCommands.h"
#include "EvalReport.h"
#include "data/Demonstrations.h"
#include "data/PromptTexts.h"
#include "data/RunStore.h"
#include "demo/DemoProject.h"

namespace rlhf::cli {

namespace {

struct EvalOptions {
    std::string project, models, baseline, judge, split = "test", device = "cpu";
    int maxPrompts = 0, samples = 3, threads = 0;
    eval::EvalSettings settings;
    bool json = false;
};

// "synthetic", "rm:RUN-OR-DIR", or (empty) the newest finished reward model, else the synthetic
// labeller of a demo project.
std::string judgeSpec(data::ProjectStore& store, const std::string& given) {
    if (!given.empty()) return given;
    const auto runs = data::RunStore(store.database()).runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (it->kind == "rm" && it->status == "finished" && it->lastCheckpoint) return "rm:" + std::to_string(it->id);
    if (demo::demoSettings(store.database())) return "synthetic";
    throw UserError("--judge: " + store.path() + " has no finished reward model; give --judge rm:DIR");
}

eval::Judge makeJudge(data::ProjectStore& store, const std::string& spec, const torch::Device& device) {
    if (spec == "synthetic") {
        if (!demo::demoSettings(store.database()))
            throw UserError("--judge synthetic: the synthetic labeller judges only a demo project's questions (rlhf demo create)");
        return eval::syntheticLabellerJudge();
    }
    if (spec.rfind("rm:", 0) != 0) throw UserError("--judge: expected rm:DIR (or rm:RUN) or synthetic, found " + spec);
    const NamedModel rm = resolveModel(store, spec.substr(3), "--judge");
    try {
        return eval::rewardModelJudge(spec, rm.dir, device);
    } catch (const std::invalid_argument& e) {
        throw UserError("--judge: " + std::string(e.what()));
    }
}

void runEval(const EvalOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    std::vector<NamedModel> models;
    for (const auto& name : commaList(o.models)) models.push_back(resolveModel(*store, name, "--models"));
    if (models.empty()) throw UserError("--models: name at least one run id or model directory");
    size_t baseline = 0;
    if (!o.baseline.empty()) {
        auto it = std::find_if(models.begin(), models.end(), [&](const NamedModel& m) { return m.name == o.baseline; });
        if (it == models.end()) models.insert(models.begin(), resolveModel(*store, o.baseline, "--baseline"));
        else baseline = static_cast<size_t>(it - models.begin());
    }
    auto prompts = data::readPromptTexts(store->database(), o.split);
    if (o.maxPrompts > 0 && prompts.size() > static_cast<size_t>(o.maxPrompts)) prompts.resize(static_cast<size_t>(o.maxPrompts));
    if (prompts.empty()) throw UserError(o.project + ": no prompts in the " + o.split + " split to evaluate on (rlhf split assigns one)");
    auto demonstrations = data::readDemonstrations(store->database(), o.split);
    if (o.maxPrompts > 0 && demonstrations.size() > static_cast<size_t>(o.maxPrompts))
        demonstrations.resize(static_cast<size_t>(o.maxPrompts));  // perplexity over as many, first first
    const torch::Device device = resolveDevice(o.device, o.threads);
    const auto judge = makeJudge(*store, judgeSpec(*store, o.judge), device);
    std::vector<eval::PolicySpec> specs;
    for (const auto& m : models) specs.push_back({m.name, m.dir});
    if (!o.json) std::cerr << "rlhf eval: " << models.size() << " models on " << prompts.size() << " prompts\n";
    std::vector<eval::PolicyResult> results;
    try {
        results = eval::evaluatePolicies(specs, baseline, prompts, demonstrations, {judge}, o.settings, device);
    } catch (const std::invalid_argument& e) {
        throw UserError(e.what());
    }
    auto report = evaluationJson(models, results, baseline, judge.name, o.split, prompts, static_cast<size_t>(o.samples));
    report["file"] = saveEvaluation(*store, report);
    if (o.json) printJsonLine(report);
    else printEvaluationTable(report);
}

}  // namespace

void addEvalCommand(CLI::App& app) {
    auto o = std::make_shared<EvalOptions>();
    CLI::App* cmd = app.add_subcommand("eval", engineCommandDescription("eval"));
    cmd->add_option("PROJECT", o->project, "Project file (.rlhf): its held-out prompts and demonstrations")->required();
    cmd->add_option("--models", o->models, "Comma-separated run ids or model directories; the first is the baseline unless --baseline names one")
        ->required();
    cmd->add_option("--baseline", o->baseline, "The model the others are compared with (a run id or directory)");
    cmd->add_option("--judge", o->judge,
                    "rm:DIR (or rm:RUN) scores with a reward model; synthetic uses a demo project's labeller "
                    "(default: the newest finished reward model, else a demo's labeller)");
    cmd->add_option("--split", o->split, "Prompts of this split (default test)")->check(CLI::IsMember({"train", "validation", "test"}));
    cmd->add_option("--max-prompts", o->maxPrompts, "The first N prompts (and N demonstrations for perplexity) only (0: all)")->check(zeroOrMore());
    cmd->add_option("--max-new-tokens", o->settings.maxNewTokens, "Tokens per response at most (default 48)")->check(CLI::Range(1, 4096));
    cmd->add_option("--seed", o->settings.seed, "Seed of the samples the KL estimate draws");
    cmd->add_option("--samples", o->samples, "Prompts whose responses the report shows (default 3)")->check(zeroOrMore());
    addDeviceOption(cmd, o->device);
    cmd->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json", o->json, "The report as one JSON line (default: a table)");
    cmd->callback([o] { runEval(*o); });
}

}  // namespace rlhf::cli
