#include "train/RunDirectory.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <vector>

#include "model/HfCheckpoint.h"
#include "model/Safetensors.h"
#include "util/AtomicFile.h"
#include "util/FileSync.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {
std::string stepName(int64_t step) {
    std::ostringstream s;
    s << "step-" << std::setw(8) << std::setfill('0') << step;
    return s.str();
}
}  // namespace

RunDirectory::RunDirectory(std::string dir) : dir_(std::move(dir)) { fs::create_directories(fs::path(dir_) / "checkpoints"); }

void RunDirectory::writeConfig(const nlohmann::json& config) const {
    AtomicFile file(dir_ + "/config.json");
    file.stream() << config.dump(2) << '\n';
    file.commit();
}

nlohmann::json RunDirectory::readConfig() const {
    const fs::path p = fs::path(dir_) / "config.json";
    std::ifstream in(p);
    if (!in) throw std::invalid_argument(p.string() + ": cannot open (is " + dir_ + " a run directory?)");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw std::invalid_argument(p.string() + ": invalid JSON at byte " + std::to_string(e.byte));
    }
}

std::optional<std::string> RunDirectory::latestCheckpoint() const { return latestCheckpointIn(dir_); }

std::optional<std::string> RunDirectory::latestCheckpointIn(const std::string& runDir) {
    std::optional<std::string> best;
    std::error_code missing;
    for (const auto& entry : fs::directory_iterator(fs::path(runDir) / "checkpoints", missing)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.rfind("step-", 0) != 0 || name.find('.') != std::string::npos) continue;
        if (!best || name > fs::path(*best).filename().string()) best = entry.path().string();
    }
    return best;
}

std::string RunDirectory::saveCheckpoint(model::Gpt2Model& model, const text::Tokenizer& tokenizer,
                                         const TrainerState& state, const torch::Tensor& score,
                                         const std::function<void(const std::string& dir)>& alsoWrite) const {
    return saveCheckpointWith([&](const std::string& dir) { model::saveCheckpoint(dir, model, &tokenizer, score); }, state, alsoWrite);
}

std::string RunDirectory::saveCheckpointWith(const std::function<void(const std::string& dir)>& writeModel, const TrainerState& state,
                                         const std::function<void(const std::string& dir)>& alsoWrite) const {
    const fs::path final = fs::path(dir_) / "checkpoints" / stepName(state.step);
    const fs::path partial = final.string() + ".partial";
    fs::remove_all(partial);
    writeModel(partial.string());
    nlohmann::json meta = {{"step", state.step}, {"extra", state.extra}};
    std::ofstream(partial / "trainer_state.json") << meta.dump(2) << '\n';
    model::saveSafetensors((partial / "trainer_state.safetensors").string(), state.tensors);
    if (alsoWrite) alsoWrite(partial.string());
    fsyncPath((partial / "trainer_state.json").string());
    fsyncPath(partial.string());
    fs::remove_all(final);
    fs::rename(partial, final);
    fsyncPath(final.parent_path().string());
    return final.string();
}

TrainerState RunDirectory::loadTrainerState(const std::string& checkpointDir) {
    const fs::path metaPath = fs::path(checkpointDir) / "trainer_state.json";
    std::ifstream in(metaPath);
    if (!in) throw std::invalid_argument(metaPath.string() + ": cannot open");
    TrainerState state;
    try {
        const auto meta = nlohmann::json::parse(in);
        state.step = meta.at("step").get<int64_t>();
        state.extra = meta.value("extra", nlohmann::json::object());
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(metaPath.string() + ": " + e.what());
    }
    model::SafetensorsFile tensors((fs::path(checkpointDir) / "trainer_state.safetensors").string());
    for (const auto& [name, info] : tensors.tensors()) state.tensors[name] = tensors.load(name);
    return state;
}

void RunDirectory::openMetrics(std::optional<int64_t> resumeFromStep) {
    const fs::path p = fs::path(dir_) / "metrics.jsonl";
    if (resumeFromStep && fs::exists(p)) {
        std::vector<std::string> kept;
        std::ifstream in(p);
        std::string line;
        while (std::getline(in, line)) {
            try {
                if (nlohmann::json::parse(line).value("step", int64_t(0)) <= *resumeFromStep) kept.push_back(line);
            } catch (const nlohmann::json::parse_error&) {
                // a line cut by a crash: dropped
            }
        }
        in.close();
        std::ofstream rewrite(p, std::ios::trunc);
        for (const auto& l : kept) rewrite << l << '\n';
    }
    metrics_.open(p, std::ios::app);
}

void RunDirectory::appendMetrics(int64_t step, const std::map<std::string, double>& values) {
    nlohmann::json line = {{"step", step}};
    for (const auto& [k, v] : values) line[k] = v;
    line["time"] = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    metrics_ << line.dump() << '\n' << std::flush;
}

void RunDirectory::refuseExistingRun() const {
    if (fs::exists(fs::path(dir_) / "config.json"))
        throw std::invalid_argument(dir_ + ": already holds a run (use --resume " + dir_ + ")");
}

std::string RunDirectory::checkpointToResume() const {
    const auto checkpoint = latestCheckpoint();
    if (!checkpoint) throw std::invalid_argument(dir_ + ": has no checkpoint to resume from");
    return *checkpoint;
}

void RunDirectory::writeRows(const std::string& name, const std::vector<nlohmann::json>& rows) const {
    AtomicFile file(dir_ + "/" + name);
    for (const auto& row : rows) file.stream() << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    file.commit();
}

std::vector<nlohmann::json> RunDirectory::readRows(const std::string& name) const {
    const std::string path = dir_ + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument(path + ": cannot open");
    std::vector<nlohmann::json> rows;
    std::string line;
    for (int64_t number = 1; std::getline(in, line); ++number) {
        try {
            rows.push_back(nlohmann::json::parse(line));
        } catch (const nlohmann::json::parse_error& e) {
            throw std::invalid_argument(path + ": line " + std::to_string(number) + ": invalid JSON at byte " + std::to_string(e.byte));
        }
        if (!rows.back().is_object()) throw std::invalid_argument(path + ": line " + std::to_string(number) + ": not a JSON object");
    }
    return rows;
}

LoopResult runLoggedTrainingLoop(RunDirectory& dir, int64_t startStep, const LoopSchedule& schedule,
                                 LoopCallbacks callbacks, const std::atomic<bool>* stop) {
    dir.openMetrics(startStep > 0 ? std::optional<int64_t>(startStep) : std::nullopt);
    callbacks.onStats = [&dir, onStats = std::move(callbacks.onStats)](const StepStats& stats) {
        dir.appendMetrics(stats.step, stats.values);
        if (onStats) onStats(stats);
    };
    return runTrainingLoop(startStep, schedule, callbacks, stop);
}

}  // namespace rlhf::train
