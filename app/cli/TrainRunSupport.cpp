#include "TrainRunSupport.h"

#include <csignal>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "train/PretrainConfig.h"
#include "util/Sha256.h"

namespace rlhf::cli {

namespace {
std::atomic<bool> gStop{false};
extern "C" void onInterrupt(int) { gStop = true; }
}  // namespace

std::atomic<bool>& interruptFlag() { return gStop; }

void catchInterrupt(bool on) { std::signal(SIGINT, on ? onInterrupt : SIG_DFL); }

std::string checkpointDigest(const std::string& dir) { return sha256FileHex(dir + "/model.safetensors"); }

void addCommonTrainOptions(CLI::App* cmd, TrainOptions& o) {
    cmd->add_option("--resume", o.resume, "Run to continue from its newest checkpoint: an id with PROJECT, else a directory");
    cmd->add_option("--config", o.configFile, "JSON file of settings");
    cmd->add_option("--set", o.sets, "key=value setting (repeatable), e.g. --set max_steps=200");
    addDeviceOption(cmd, o.device);
    cmd->add_option("--threads", o.threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json", o.json, "One JSON line per step on stdout");
}

nlohmann::json stageSettings(const TrainOptions& o, bool resuming) {
    nlohmann::json settings = train::collectSettings(o.configFile, o.sets);
    if (resuming)
        for (const auto& [key, value] : settings.items())
            if (key != "max_steps") throw UserError("--resume: only max_steps can change when resuming, not " + key);
    return settings;
}

std::string timestampedDir(const std::string& prefix) {
    std::time_t now = std::time(nullptr);
    std::ostringstream s;
    s << prefix << std::put_time(std::localtime(&now), "%Y%m%d-%H%M%S");
    return s.str();
}

void createProjectRun(RunTarget& target, const std::string& kind, const nlohmann::json& settings) {
    data::RunStore runs(target.store->database());
    target.runId = runs.createRun(kind, kind, "{}", settings.value("seed", 1));
    target.dir = target.store->checkpointsDirectory() + "/runs/" + std::to_string(target.runId) + "-" + kind;
    std::filesystem::create_directories(target.dir);
}

void reopenProjectRun(RunTarget& target, const std::string& id, const std::string& kind, const std::string& project) {
    data::RunStore runs(target.store->database());
    try {
        target.runId = std::stoll(id);
    } catch (const std::exception&) {
        throw UserError("--resume " + id + ": a run of a project is named by its id (rlhf runs " + project + ")");
    }
    const auto row = runs.run(target.runId);
    if (!row || row->kind != kind) throw UserError(project + ": no " + kind + " run " + id);
    target.dir = target.store->checkpointsDirectory() + "/runs/" + id + "-" + kind;
    runs.setStatus(target.runId, "running");
}

void printStepProgress(const train::StepStats& s, int64_t maxSteps, bool json) {
    if (json) {
        nlohmann::json line = {{"step", s.step}};
        for (const auto& [k, v] : s.values) line[k] = v;
        printJsonLine(line);
        return;
    }
    if (s.step % 10 != 0 && !s.values.count("val_loss") && s.step != maxSteps) return;
    std::cerr << "step " << s.step << "/" << maxSteps << "  loss " << std::fixed << std::setprecision(4) << s.values.at("loss");
    if (s.values.count("val_loss")) std::cerr << "  val_loss " << s.values.at("val_loss");
    std::cerr << "  lr " << std::scientific << std::setprecision(2) << s.values.at("lr") << std::fixed << "  "
              << std::setprecision(0) << s.values.at("tokens_per_s") << " tok/s\n";
}

}  // namespace rlhf::cli
