#include "TrainRunSupport.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "train/PretrainConfig.h"
#include "train/RunDirectory.h"
#include "util/Sha256.h"

namespace rlhf::cli {

std::string checkpointDigest(const std::string& dir) { return sha256FileHex(dir + "/model.safetensors"); }

void addCommonTrainOptions(CLI::App* cmd, TrainOptions& o) {
    cmd->add_option("--resume", o.resume, "Run to continue from its newest checkpoint: an id with PROJECT, else a directory");
    cmd->add_option("--config", o.configFile, "JSON file of settings");
    cmd->add_option("--set", o.sets, "key=value setting (repeatable), e.g. --set max_steps=200");
    addDeviceOption(cmd, o.device);
    cmd->add_option("--threads", o.threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_option("--control", o.control, "stdin: lines pause, resume and stop control the run (the workbench uses this)")
        ->check(CLI::IsMember({"stdin"}));
    cmd->add_flag("--json", o.json, "One JSON line per step on stdout, and started/paused/resumed event lines");
    cmd->add_flag("--no-memory-check", o.noMemoryCheck, "Start even when the memory estimate says the run will not fit");
}

nlohmann::json stageSettings(const TrainOptions& o, bool resuming) {
    nlohmann::json settings = train::collectSettings(o.configFile, o.sets);
    if (resuming)
        for (const auto& [key, value] : settings.items())
            if (key != "max_steps") throw UsageError("--resume: only max_steps can change when resuming, not " + key);
    return settings;
}

std::string timestampedDir(const std::string& prefix) {
    std::time_t now = std::time(nullptr);
    std::ostringstream s;
    s << prefix << std::put_time(std::localtime(&now), "%Y%m%d-%H%M%S");
    return s.str();
}

void lockRun(RunTarget& target, const std::string& runName) {
    target.madeDir = !std::filesystem::exists(target.dir);
    try {
        target.lock = std::make_unique<train::RunLock>(target.dir, runName);
    } catch (const std::runtime_error& e) {
        throw UserError(e.what());
    }
}

void removeUnstartedRun(RunTarget& target) {
    if (!target.madeDir) return;
    target.lock.reset();
    std::error_code ignored;
    std::filesystem::remove_all(target.dir, ignored);
}

void createProjectRun(RunTarget& target, const std::string& kind, const nlohmann::json& settings) {
    data::RunStore runs(target.store->database());
    target.runId = runs.createRun(kind, kind, "{}", settings.value("seed", 1));
    if (settings.contains("model") && settings["model"].is_string())
        if (const auto parent = runs.checkpointAt(settings["model"].get<std::string>())) runs.setParentCheckpoint(target.runId, parent->id);
    target.dir = data::RunStore::directoryOf(target.store->checkpointsDirectory(), target.runId, kind);
    lockRun(target, "run " + std::to_string(target.runId) + " (" + kind + ")");
}

void reopenProjectRun(RunTarget& target, const std::string& id, const std::string& kind, const std::string& project) {
    data::RunStore runs(target.store->database());
    try {
        target.runId = std::stoll(id);
    } catch (const std::exception&) {
        throw UserError("--resume " + id + ": a run of a project is named by its id (rlhf runs " + project + ")");
    }
    const auto row = runs.run(target.runId);
    if (!row) throw UserError(project + ": no run " + id + " (rlhf runs " + project + " lists them)");
    if (row->kind != kind)
        throw UserError(project + ": run " + id + " is a " + row->kind + " run, not " + kind + " (resume it with rlhf train " +
                        row->kind + " " + project + " --resume " + id + ")");
    target.dir = data::RunStore::directoryOf(target.store->checkpointsDirectory(), target.runId, kind);
    if (!train::RunDirectory::latestCheckpointIn(target.dir))
        throw UserError(project + ": run " + id + " (" + kind + ", " + row->status + ") wrote no checkpoint to resume from" +
                        (row->message.empty() ? "" : ": " + row->message) + "; start a new run instead");
    lockRun(target, "run " + id + " (" + kind + ")");
    runs.setStatus(target.runId, "running");
}

void printStepProgress(const train::StepStats& s, int64_t maxSteps, bool json, const train::StageHeadlines& headlines) {
    if (json) {
        nlohmann::json line = {{"step", s.step}};
        for (const auto& [k, v] : s.values) line[k] = v;
        printJsonLine(line);
        return;
    }
    const bool evaluated = std::any_of(s.values.begin(), s.values.end(), [](const auto& kv) { return kv.first.rfind("val_", 0) == 0; });
    if (s.step % 10 != 0 && s.step != 1 && !evaluated && s.step != maxSteps) return;
    std::ostringstream line;
    line << "step " << s.step << "/" << maxSteps << std::fixed << std::setprecision(4);
    for (const auto& [key, label] : headlines) {
        if (const auto it = s.values.find(key); it != s.values.end()) line << "  " << label << " " << it->second;
        if (const auto it = s.values.find("val_" + key); it != s.values.end()) line << "  val_" << label << " " << it->second;
    }
    if (const auto it = s.values.find("lr"); it != s.values.end())
        line << "  lr " << std::scientific << std::setprecision(2) << it->second << std::fixed;
    if (const auto it = s.values.find("tokens_per_s"); it != s.values.end())
        line << "  " << std::setprecision(0) << it->second << " tok/s";
    std::cerr << line.str() << '\n';
}

RunRecording::RunRecording(RunTarget& target, bool json, std::string kind, int64_t maxSteps)
    : target_(target), json_(json), kind_(std::move(kind)), maxSteps_(maxSteps) {
    if (!target_.store) return;
    runs_ = std::make_unique<data::RunStore>(target_.store->database());
    metrics_ = std::make_unique<data::MetricsRecorder>(*runs_, target_.runId);
}

void RunRecording::printEvent(const char* event, int64_t step) const {
    if (!json_) return;
    nlohmann::ordered_json line = {{"event", event}, {"run", target_.runId > 0 ? nlohmann::json(target_.runId) : nlohmann::json(target_.dir)},
                                   {"kind", kind_}, {"step", step}, {"max_steps", maxSteps_}};
    if (std::string(event) == "started") line["dir"] = target_.dir;
    std::cout << line.dump() << std::endl;  // flushed: the workbench reads it as it comes
}

void RunRecording::started(int64_t step) { printEvent("started", step); }

namespace {
// A write to the project that a busy project (past SQLite's own timeout) must not turn into a failed run:
// tried five times, a second apart, then reported on stderr; training goes on either way.
template <typename Write>
void writeRetrying(const char* what, Write write) {
    for (int attempt = 1;; ++attempt) {
        try {
            write();
            return;
        } catch (const data::StoreError& e) {
            if (attempt == 5) {
                std::cerr << "rlhf: warning: could not record " << what << " in the project: " << e.what() << '\n';
                return;
            }
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
}
}  // namespace

void RunRecording::flushMetrics() {
    writeRetrying("the metrics", [&] { metrics_->flush(); });
}

void RunRecording::checkpointed(int64_t step, const std::string& dir) {
    if (!runs_) return;
    flushMetrics();
    const std::string path = std::filesystem::path(dir).lexically_normal().string(), digest = checkpointDigest(dir);
    writeRetrying("the checkpoint", [&] { runs_->recordCheckpoint(target_.runId, step, path, digest); });
}

void RunRecording::stepped(const train::StepStats& s) {
    if (metrics_) {
        metrics_->add(s.step, s.values);  // writes now and then; a refused write keeps its steps for the next
        // A successful write leaves none pending: a multiple of the batch size pending means one was refused.
        if (const size_t pending = metrics_->pendingSteps(); pending > 0 && pending % data::MetricsRecorder::kMaxPendingSteps == 0)
            std::cerr << "rlhf: warning: the project is busy; " << pending << " steps' metrics wait to be written ("
                      << metrics_->lastError() << ")\n";
    }
    printStepProgress(s, maxSteps_, json_, train::stageHeadlines(kind_));
    if (runControl().pause) waitWhilePaused(s.step);
}

void RunRecording::waitWhilePaused(int64_t step) {
    if (metrics_) flushMetrics();
    if (runs_) writeRetrying("the status", [&] { runs_->setStatus(target_.runId, "paused"); });
    printEvent("paused", step);
    if (!json_) std::cerr << "paused after step " << step << " (a line \"resume\" continues, \"stop\" ends the run)\n";
    while (runControl().pause && !runControl().stop) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (runs_) writeRetrying("the status", [&] { runs_->setStatus(target_.runId, "running"); });
    printEvent("resumed", step);
}

void RunRecording::failed(const std::string& reason) {
    if (!runs_) return;
    flushMetrics();
    writeRetrying("the status", [&] { runs_->setStatus(target_.runId, "failed", reason); });
}

void RunRecording::ended(const train::LoopResult& result) {
    if (!runs_) return;
    flushMetrics();
    const char* status = !result.error.empty() ? "failed" : result.stopped ? "stopped" : "finished";
    writeRetrying("the status", [&] { runs_->setStatus(target_.runId, status, result.error); });
}

}  // namespace rlhf::cli
