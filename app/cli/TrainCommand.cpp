#include "TrainCommand.h"

#include <csignal>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "train/PretrainRun.h"

namespace rlhf::cli {

namespace {

std::atomic<bool> gStop{false};
extern "C" void onInterrupt(int) { gStop = true; }  // Ctrl+C: checkpoint and stop after this step

struct TrainOptions {
    std::string text, configFile, resume, out, device = "cpu";
    std::vector<std::string> sets;
    int threads = 0;
    bool json = false;
};

std::string defaultRunDir() {
    std::time_t now = std::time(nullptr);
    std::ostringstream s;
    s << "runs/pretrain-" << std::put_time(std::localtime(&now), "%Y%m%d-%H%M%S");
    return s.str();
}

std::unique_ptr<train::PretrainRun> startRun(const TrainOptions& o, const torch::Device& device) {
    if (!o.resume.empty()) {
        const nlohmann::json settings = train::collectSettings(o.configFile, o.sets);
        for (const auto& [key, value] : settings.items())
            if (key != "max_steps") throw UserError("--resume: only max_steps can change when resuming, not " + key);
        return train::PretrainRun::resume(o.resume, device, settings.value("max_steps", int64_t(0)));
    }
    nlohmann::json settings = train::collectSettings(o.configFile, o.sets);
    if (!o.text.empty()) settings["text_path"] = o.text;
    const auto config = train::PretrainConfig::fromJson(settings, o.configFile.empty() ? "--set" : o.configFile);
    return train::PretrainRun::create(o.out.empty() ? defaultRunDir() : o.out, config, device);
}

void printProgress(const train::StepStats& s, const train::PretrainConfig& c, bool json) {
    if (json) {
        nlohmann::json line = {{"step", s.step}};
        for (const auto& [k, v] : s.values) line[k] = v;
        printJsonLine(line);
        return;
    }
    if (s.step % 10 != 0 && !s.values.count("val_loss") && s.step != c.maxSteps) return;
    std::cerr << "step " << s.step << "/" << c.maxSteps << "  loss " << std::fixed << std::setprecision(4)
              << s.values.at("loss");
    if (s.values.count("val_loss")) std::cerr << "  val_loss " << s.values.at("val_loss");
    std::cerr << "  lr " << std::scientific << std::setprecision(2) << s.values.at("lr") << std::fixed
              << "  " << std::setprecision(0) << s.values.at("tokens_per_s") << " tok/s\n";
}

void runPretrain(const TrainOptions& o) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    std::unique_ptr<train::PretrainRun> run = startRun(o, device);  // errors reach main(): exit 1
    std::signal(SIGINT, onInterrupt);
    const auto result = run->run(&gStop, [&](const train::StepStats& s) { printProgress(s, run->config(), o.json); });
    std::signal(SIGINT, SIG_DFL);
    printJsonLine({{"steps", result.lastStep}, {"stopped", result.stopped}, {"checkpoint", run->lastCheckpoint()},
                   {"train_tokens", run->trainTokens()}});
    if (!result.error.empty()) throw UserError(result.error);
}

}  // namespace

void addTrainCommand(CLI::App& app) {
    CLI::App* train = app.add_subcommand("train", "Train a model");
    train->require_subcommand(1);
    auto o = std::make_shared<TrainOptions>();
    CLI::App* pretrain = train->add_subcommand("pretrain", "Tokenizer + small GPT from scratch on a text file");
    auto* text = pretrain->add_option("--text", o->text, "UTF-8 training text");
    auto* resume = pretrain->add_option("--resume", o->resume, "Run directory to continue from its newest checkpoint");
    text->excludes(resume);
    pretrain->add_option("--config", o->configFile, "JSON file of settings");
    pretrain->add_option("--set", o->sets, "key=value setting (repeatable), e.g. --set max_steps=200");
    pretrain->add_option("--out", o->out, "Run directory (default runs/pretrain-DATE-TIME)");
    addDeviceOption(pretrain, o->device);
    pretrain->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    pretrain->add_flag("--json", o->json, "One JSON line per step on stdout");
    pretrain->callback([o] { runPretrain(*o); });
}

}  // namespace rlhf::cli
