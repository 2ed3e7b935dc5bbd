#include "TrainCommand.h"

#include <csignal>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "EngineCommands.h"
#include "DeviceOption.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "data/TrainingText.h"
#include "train/PretrainRun.h"
#include "util/Sha256.h"

namespace rlhf::cli {

namespace {

std::atomic<bool> gStop{false};
extern "C" void onInterrupt(int) { gStop = true; }  // Ctrl+C: checkpoint and stop after this step

struct TrainOptions {
    std::string project, text, configFile, resume, out, device = "cpu";
    std::vector<std::string> sets;
    int threads = 0;
    bool json = false;
};

// Where a run lives and, for runs of a project, its row there.
struct RunTarget {
    std::unique_ptr<data::ProjectStore> store;
    int64_t runId = 0;
    std::string dir;
};

std::string timestampedDir(const std::string& prefix) {
    std::time_t now = std::time(nullptr);
    std::ostringstream s;
    s << prefix << std::put_time(std::localtime(&now), "%Y%m%d-%H%M%S");
    return s.str();
}

nlohmann::json settingsFor(const TrainOptions& o, bool resuming) {
    nlohmann::json settings = train::collectSettings(o.configFile, o.sets);
    if (resuming)
        for (const auto& [key, value] : settings.items())
            if (key != "max_steps") throw UserError("--resume: only max_steps can change when resuming, not " + key);
    return settings;
}

// A new run: in the project (text = the project's train split) or in --out with --text.
std::unique_ptr<train::PretrainRun> createRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    nlohmann::json settings = settingsFor(o, false);
    if (target.store) {
        data::RunStore runs(target.store->database());
        target.runId = runs.createRun("pretrain", "pretrain", "{}", settings.value("seed", 1));
        target.dir = target.store->checkpointsDirectory() + "/runs/" + std::to_string(target.runId) + "-pretrain";
        std::filesystem::create_directories(target.dir);
        if (o.text.empty()) {
            settings["text_path"] = target.dir + "/corpus.txt";
            data::writeTrainingText(target.store->database(), settings["text_path"]);
        }
    } else {
        target.dir = o.out.empty() ? timestampedDir("runs/pretrain-") : o.out;
    }
    if (!o.text.empty()) settings["text_path"] = o.text;
    const auto config = train::PretrainConfig::fromJson(settings, o.configFile.empty() ? "--set" : o.configFile);
    auto run = train::PretrainRun::create(target.dir, config, device);
    if (target.store) data::RunStore(target.store->database()).setConfig(target.runId, config.toJson().dump());
    return run;
}

std::unique_ptr<train::PretrainRun> resumeRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    const int64_t maxSteps = settingsFor(o, true).value("max_steps", int64_t(0));
    if (target.store) {
        target.runId = std::stoll(o.resume);
        const auto row = data::RunStore(target.store->database()).run(target.runId);
        if (!row || row->kind != "pretrain") throw UserError(o.project + ": no pretraining run " + o.resume);
        target.dir = target.store->checkpointsDirectory() + "/runs/" + o.resume + "-pretrain";
        data::RunStore(target.store->database()).setStatus(target.runId, "running");
    } else {
        target.dir = o.resume;
    }
    return train::PretrainRun::resume(target.dir, device, maxSteps);
}

void printProgress(const train::StepStats& s, const train::PretrainConfig& c, bool json) {
    if (json) {
        nlohmann::json line = {{"step", s.step}};
        for (const auto& [k, v] : s.values) line[k] = v;
        printJsonLine(line);
        return;
    }
    if (s.step % 10 != 0 && !s.values.count("val_loss") && s.step != c.maxSteps) return;
    std::cerr << "step " << s.step << "/" << c.maxSteps << "  loss " << std::fixed << std::setprecision(4) << s.values.at("loss");
    if (s.values.count("val_loss")) std::cerr << "  val_loss " << s.values.at("val_loss");
    std::cerr << "  lr " << std::scientific << std::setprecision(2) << s.values.at("lr") << std::fixed << "  "
              << std::setprecision(0) << s.values.at("tokens_per_s") << " tok/s\n";
}

void runPretrain(const TrainOptions& o) {
    if (o.project.empty() && o.text.empty() && o.resume.empty()) throw UserError("train pretrain: give PROJECT, --text FILE or --resume RUN");
    const torch::Device device = resolveDevice(o.device, o.threads);
    RunTarget target;
    if (!o.project.empty()) target.store = data::ProjectStore::open(o.project, false);
    auto run = o.resume.empty() ? createRun(o, target, device) : resumeRun(o, target, device);
    std::optional<data::RunStore> runs;
    if (target.store) runs.emplace(target.store->database());
    run->setCheckpointListener([&](int64_t step, const std::string& dir) {
        if (runs) runs->recordCheckpoint(target.runId, step, dir, sha256FileHex(dir + "/model.safetensors"));
    });
    std::signal(SIGINT, onInterrupt);
    const auto result = run->run(&gStop, [&](const train::StepStats& s) {
        if (runs) runs->recordMetrics(target.runId, s.step, s.values);
        printProgress(s, run->config(), o.json);
    });
    std::signal(SIGINT, SIG_DFL);
    if (runs) runs->setStatus(target.runId, !result.error.empty() ? "failed" : result.stopped ? "stopped" : "finished", result.error);
    printJsonLine({{"run", target.runId > 0 ? nlohmann::json(target.runId) : nlohmann::json(target.dir)}, {"dir", target.dir},
                   {"steps", result.lastStep}, {"stopped", result.stopped}, {"checkpoint", run->lastCheckpoint()},
                   {"train_tokens", run->trainTokens()}});
    if (!result.error.empty()) throw UserError(result.error);
}

void listRuns(const std::string& project, bool json) {
    auto store = data::ProjectStore::open(project, false);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : data::RunStore(store->database()).runs()) {
        list.push_back({{"id", r.id}, {"kind", r.kind}, {"status", r.status}, {"last_step", r.lastStep},
                        {"checkpoint", r.lastCheckpoint ? nlohmann::json(*r.lastCheckpoint) : nlohmann::json(nullptr)},
                        {"message", r.message}});
        if (!json)
            std::cout << r.id << "  " << r.kind << "  " << r.status << "  step " << r.lastStep << "  "
                      << r.lastCheckpoint.value_or("(no checkpoint)") << (r.message.empty() ? "" : "  " + r.message) << '\n';
    }
    if (json) printJsonLine({{"runs", list}});
}

}  // namespace

void addTrainCommand(CLI::App& app) {
    CLI::App* train = app.add_subcommand("train", engineCommandDescription("train"));
    train->require_subcommand(1);
    auto o = std::make_shared<TrainOptions>();
    CLI::App* pretrain = train->add_subcommand("pretrain", "Tokenizer + small GPT from scratch on a project or a text file");
    pretrain->add_option("PROJECT", o->project, "Project: trains on its train split and records the run there");
    pretrain->add_option("--text", o->text, "UTF-8 training text (instead of the project's text)");
    pretrain->add_option("--resume", o->resume, "Run to continue from its newest checkpoint: an id with PROJECT, else a directory");
    pretrain->add_option("--config", o->configFile, "JSON file of settings");
    pretrain->add_option("--set", o->sets, "key=value setting (repeatable), e.g. --set max_steps=200");
    pretrain->add_option("--out", o->out, "Run directory without a project (default runs/pretrain-DATE-TIME)");
    addDeviceOption(pretrain, o->device);
    pretrain->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    pretrain->add_flag("--json", o->json, "One JSON line per step on stdout");
    pretrain->callback([o] { runPretrain(*o); });

    auto runsProject = std::make_shared<std::string>();
    auto runsJson = std::make_shared<bool>(false);
    CLI::App* runs = app.add_subcommand("runs", engineCommandDescription("runs"));
    runs->add_option("PROJECT", *runsProject, "Project file (.rlhf)")->required();
    runs->add_flag("--json", *runsJson, "{\"runs\": [...]} on one line (default: a line of text per run)");
    runs->callback([runsProject, runsJson] { listRuns(*runsProject, *runsJson); });
}

}  // namespace rlhf::cli
