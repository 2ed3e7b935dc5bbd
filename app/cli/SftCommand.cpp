#include "SftCommand.h"

#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "TrainRunSupport.h"
#include "data/Demonstrations.h"
#include "train/SftRun.h"

namespace rlhf::cli {

namespace {

// A new run of the project: its train split's demonstrations to learn, its validation split's to evaluate.
std::unique_ptr<train::SftRun> createSftRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    nlohmann::json settings = stageSettings(o, false);
    if (settings.contains("model") && settings["model"].is_string())  // the run records where its base came from
        settings["model"] = std::filesystem::absolute(settings["model"].get<std::string>()).lexically_normal().string();
    const auto config = train::SftConfig::fromJson(settings, o.configFile.empty() ? "--set" : o.configFile);
    auto& db = target.store->database();
    const auto train = data::readDemonstrations(db, "train");
    if (train.empty())
        throw UserError(o.project + ": no demonstrations in the train split to fine-tune on (write some in the Dataset "
                                    "panel, or import prompt/completion records)");
    const auto validation = data::readDemonstrations(db, "validation");
    createProjectRun(target, "sft", settings);
    data::RunStore runs(db);
    try {
        auto run = train::SftRun::create(target.dir, config, train, validation, device);
        runs.setConfig(target.runId, run->config().toJson().dump());
        return run;
    } catch (const std::exception& e) {
        runs.setStatus(target.runId, "failed", e.what());
        throw;
    }
}

void runSft(const TrainOptions& o) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    RunTarget target;
    target.store = data::ProjectStore::open(o.project, false);
    std::unique_ptr<train::SftRun> run;
    if (o.resume.empty()) {
        run = createSftRun(o, target, device);
    } else {
        const int64_t maxSteps = stageSettings(o, true).value("max_steps", int64_t(0));
        reopenProjectRun(target, o.resume, "sft", o.project);
        run = train::SftRun::resume(target.dir, device, maxSteps);
    }
    const auto result = runRecorded(*run, target, o.json);
    const auto& examples = run->trainExamples();
    printJsonLine({{"run", target.runId}, {"dir", target.dir}, {"steps", result.lastStep}, {"stopped", result.stopped},
                   {"checkpoint", run->lastCheckpoint()}, {"demonstrations", examples.rows.size()},
                   {"truncated", examples.truncated}, {"skipped", examples.skipped}});
    if (!result.error.empty()) throw UserError(result.error);
}

}  // namespace

void addSftCommand(CLI::App& train) {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* sft = train.add_subcommand(
        "sft", "Supervised fine-tuning of a GPT-2 (--set model=DIR) on the project's demonstrations");
    sft->add_option("PROJECT", o->project, "Project: learns its train split's demonstrations, evaluates on validation")->required();
    addCommonTrainOptions(sft, *o);
    sft->callback([o] { runSft(*o); });
}

}  // namespace rlhf::cli
