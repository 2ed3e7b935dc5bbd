#include "TrainCommand.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EngineCommands.h"
#include "FineTuneCommands.h"
#include "TrainRunSupport.h"
#include "data/TrainingText.h"
#include "demo/DemoProject.h"
#include "train/PretrainRun.h"
#include "train/RunDirectory.h"
#include "train/RunLock.h"

namespace rlhf::cli {

namespace {

// A new run: in the project (text = the project's train split) or in --out with --text.
std::unique_ptr<train::PretrainRun> createRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    nlohmann::json settings = stageSettings(o, false);
    if (target.store) {
        createProjectRun(target, "pretrain", settings);
        if (o.text.empty() && demo::demoSettings(target.store->database())) {
            settings["text_path"] = demo::demoCorpusPath(target.store->checkpointsDirectory());  // a demo's own corpus
        } else if (o.text.empty()) {
            settings["text_path"] = target.dir + "/corpus.txt";
            data::writeTrainingText(target.store->database(), settings["text_path"]);
        }
    } else {
        target.dir = o.out.empty() ? timestampedDir("runs/pretrain-") : o.out;
        lockRun(target, target.dir);
    }
    if (!o.text.empty()) settings["text_path"] = o.text;
    return startRecorded(target, [&] {
        const auto config = train::PretrainConfig::fromJson(settings, o.configFile.empty() ? "--set" : o.configFile);
        return train::PretrainRun::create(target.dir, config, device);
    });
}

std::unique_ptr<train::PretrainRun> resumeRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    const int64_t maxSteps = stageSettings(o, true).value("max_steps", int64_t(0));
    if (target.store) {
        reopenProjectRun(target, o.resume, "pretrain", o.project);
    } else {
        target.dir = o.resume;
        if (!train::RunDirectory::latestCheckpointIn(target.dir)) throw UserError(o.resume + ": has no checkpoint to resume from");
        lockRun(target, target.dir);
    }
    return startRecorded(target, [&] { return train::PretrainRun::resume(target.dir, device, maxSteps); });
}

StageOutcome runPretrain(const TrainOptions& o) {
    if (o.project.empty() && o.text.empty() && o.resume.empty()) throw UsageError("train pretrain: give PROJECT, --text FILE or --resume RUN");
    const torch::Device device = resolveDevice(o.device, o.threads);
    RunTarget target;
    if (!o.project.empty()) target.store = data::ProjectStore::open(o.project, false);
    auto run = o.resume.empty() ? createRun(o, target, device) : resumeRun(o, target, device);
    if (o.control == "stdin") readControlLines();
    const auto result = runRecorded(*run, target, o.json, "pretrain");
    return {{{"run", target.runId > 0 ? nlohmann::json(target.runId) : nlohmann::json(target.dir)}, {"dir", target.dir},
             {"steps", result.lastStep}, {"stopped", result.stopped}, {"checkpoint", run->lastCheckpoint()},
             {"train_tokens", run->trainTokens()}},
            result.error};
}

void listRuns(const std::string& project, bool json) {
    auto store = data::ProjectStore::open(project, false);
    nlohmann::json list = nlohmann::json::array();
    for (auto r : data::RunStore(store->database()).runs()) {
        r.status = train::observedRunStatus(r.status, data::RunStore::directoryOf(store->checkpointsDirectory(), r.id, r.kind));
        auto orNull = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
        list.push_back({{"id", r.id}, {"kind", r.kind}, {"name", r.name}, {"status", r.status}, {"last_step", r.lastStep},
                        {"checkpoint", orNull(r.lastCheckpoint)}, {"message", r.message}, {"created_at", r.createdAt},
                        {"finished_at", orNull(r.finishedAt)}, {"parent_run", orNull(r.parentRunId)}});
        if (!json)
            std::cout << r.id << "  " << r.kind << (r.name.empty() || r.name == r.kind ? "" : "  \"" + r.name + "\"") << "  " << r.status << "  step " << r.lastStep << "  "
                      << r.lastCheckpoint.value_or("(no checkpoint)") << (r.message.empty() ? "" : "  " + r.message) << '\n';
    }
    if (json) printJsonLine({{"runs", list}});
}

}  // namespace

StageOutcome trainPretrain(const TrainOptions& o) { return runPretrain(o); }

void addTrainCommand(CLI::App& app) {
    CLI::App* train = app.add_subcommand("train", engineCommandDescription("train"));
    train->require_subcommand(1);
    auto o = std::make_shared<TrainOptions>();
    CLI::App* pretrain = train->add_subcommand("pretrain", "Tokenizer + small GPT or Mamba (--set architecture=mamba) from scratch on a project or a text file");
    pretrain->add_option("PROJECT", o->project, "Project: trains on its train split and records the run there");
    pretrain->add_option("--text", o->text, "UTF-8 training text (instead of the project's text)");
    pretrain->add_option("--out", o->out, "Run directory without a project (default runs/pretrain-DATE-TIME)");
    addCommonTrainOptions(pretrain, *o);
    pretrain->callback([o] {
        const StageOutcome outcome = runPretrain(*o);
        printResult(outcome.result, o->json);
        if (!outcome.error.empty()) throw UserError(outcome.error);
    });
    addFineTuneCommands(*train);

    auto runsProject = std::make_shared<std::string>();
    auto runsJson = std::make_shared<bool>(false);
    CLI::App* runs = app.add_subcommand("runs", engineCommandDescription("runs"));
    runs->add_option("PROJECT", *runsProject, "Project file (.rlhf)")->required();
    runs->add_flag("--json", *runsJson, "{\"runs\": [...]} on one line (default: a line of text per run)");
    runs->callback([runsProject, runsJson] { listRuns(*runsProject, *runsJson); });
}

}  // namespace rlhf::cli
