#include "ImportRunCommand.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "EngineCommands.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaCheckpoint.h"
#include "model/MambaCheckpoint.h"
#include "train/TensorBoardLog.h"
#include "train/TrainerStateLog.h"
#include "util/Clock.h"
#include "util/FileSync.h"
#include "util/Sha256.h"

namespace rlhf::cli {

namespace {

namespace fs = std::filesystem;

struct ImportRunOptions {
    std::string project, dir, state, tensorboard, stage, name;
    bool json = false;
    bool noLog = false;  // --no-log: the checkpoint without curves (a trainer that writes no trainer_state.json)
};

// The files of a model directory the workbench (or transformers) reads: configs, weights, tokenizer.
// Optimiser and RNG states and training_args.bin are pickles, never read, so never copied.
bool isModelFile(const fs::path& p) {
    const std::string name = p.filename().string(), ext = p.extension().string();
    return ext == ".json" || ext == ".safetensors" || ext == ".txt" || ext == ".model" || name == "tokenizer.model" ||
           name == "chat_template.jinja";
}

// Loads DIR as the workbench would use it; true when it has a reward model's score head.
bool checkLoads(const std::string& dir) {
    const std::string type = model::modelTypeOf(dir);
    if (model::isLlamaFamily(type)) {
        torch::Tensor score;  // a Llama/Qwen2ForSequenceClassification's head
        model::loadLlamaModel(dir, torch::kCPU, &score);
        return score.defined();
    }
    if (model::isMamba(type)) {
        model::loadMambaModel(dir);  // transformers has no Mamba classifier: never a reward model
        return false;
    }
    return model::loadCheckpoint(dir).score.defined();
}

// Copies DIR's model files into `staging` (new) and fsyncs them: done before the project is locked.
void stageModelFiles(const fs::path& from, const fs::path& staging) {
    fs::remove_all(staging);
    fs::create_directories(staging);
    for (const auto& entry : fs::directory_iterator(from))
        if (entry.is_regular_file() && isModelFile(entry.path())) {
            fs::copy_file(entry.path(), staging / entry.path().filename());
            fsyncPath((staging / entry.path().filename()).string());
        }
    fsyncPath(staging.string());
}

std::string weightsDigest(const fs::path& dir) {
    const fs::path single = dir / "model.safetensors";
    return sha256FileHex((fs::exists(single) ? single : dir / "model.safetensors.index.json").string());
}

// The checkpoint directory as the run's config records it (imported_from).
fs::path importedDirectory(const ImportRunOptions& o) {
    return fs::absolute(o.dir).lexically_normal();  // "DIR/" normalises to a path ending in an empty name
}

data::FinishedRun finishedRun(const ImportRunOptions& o, const train::TrainerStateLog& log, const std::string& stage) {
    data::FinishedRun run;
    run.kind = stage;
    const fs::path dir = importedDirectory(o);
    run.name = o.name.empty() ? "imported " + (dir.has_filename() ? dir : dir.parent_path()).filename().string() : o.name;
    run.message = "imported from " + dir.string();
    run.config = nlohmann::json{{"imported_from", dir.string()},
                                {"trainer_state", o.state.empty() ? "" : fs::absolute(o.state).lexically_normal().string()},
                                {"tensorboard", o.tensorboard.empty() ? "" : fs::absolute(o.tensorboard).lexically_normal().string()},
                                {"global_step", log.globalStep}, {"epoch", log.epoch}, {"summary", log.summary}}
                     .dump();
    const double now = unixSeconds();
    for (const auto& [step, values] : log.steps) run.steps.push_back({step, now, values});
    run.checkpointStep = log.globalStep;
    run.checkpointSha256 = weightsDigest(o.dir);
    return run;
}

// The run's log: --state (a Trainer's trainer_state.json), --tensorboard (event files, OpenRLHF's), else
// DIR/trainer_state.json, else DIR/tensorboard/; none with --no-log.
train::TrainerStateLog readLog(ImportRunOptions& o) {
    if (o.noLog) {
        if (o.stage.empty()) throw UsageError("--no-log: give the run's --stage (without a log nothing tells it)");
        return {};
    }
    if (o.state.empty() && o.tensorboard.empty()) {
        const fs::path state = fs::path(o.dir) / "trainer_state.json", board = fs::path(o.dir) / "tensorboard";
        if (!fs::exists(state) && fs::is_directory(board)) o.tensorboard = board.string();
        else o.state = state.string();
    }
    if (!o.tensorboard.empty()) return train::readTensorBoardLog(o.tensorboard);
    if (!fs::exists(o.state))
        throw UserError(o.state + ": no such file (give the Trainer's log with --state FILE, OpenRLHF's TensorBoard folder with --tensorboard "
                        "DIR, or import the model alone with --no-log)");
    return train::TrainerStateLog::read(o.state);
}

// A reward model's accuracy curve is "accuracy" here; OpenRLHF logs it as train/acc, as DPO's.
void nameForStage(train::TrainerStateLog& log, const std::string& stage) {
    if (stage != "rm") return;
    for (auto& [step, values] : log.steps)
        if (const auto found = values.find("rewards/accuracies"); found != values.end()) {
            values["accuracy"] = found->second;
            values.erase(found);
        }
}

// What the user may not expect, said on stderr and in the result: a log without one curve to draw (every
// value missing or not a finite number), and a directory this project has imported before.
std::vector<std::string> importWarnings(const ImportRunOptions& o, const data::FinishedRun& run, data::RunStore& runs) {
    std::vector<std::string> warnings;
    if (!o.noLog && run.steps.empty())
        warnings.push_back((o.tensorboard.empty() ? o.state : o.tensorboard) +
                           ": no step with a finite number to draw; the run comes in without curves" +
                           (o.stage.empty() && run.kind == "sft" ? ", as an SFT run (nothing in it tells the stage; --stage names it)" : ""));
    const std::string from = importedDirectory(o).string();
    for (const auto& earlier : runs.runs()) {
        const auto config = nlohmann::json::parse(earlier.config, nullptr, false);
        if (config.is_object() && config.value("imported_from", std::string()) == from)
            warnings.push_back(from + " was imported before, as run " + std::to_string(earlier.id) + "; this is another copy");
    }
    for (const auto& w : warnings) std::cerr << "rlhf: warning: " << w << '\n';
    return warnings;
}

void importRun(ImportRunOptions o) {
    auto log = readLog(o);
    const bool scoreHead = checkLoads(o.dir);
    const std::string stage = o.stage.empty() ? log.guessStage(scoreHead) : o.stage;
    if (stage == "rm" && !scoreHead) throw UserError(o.dir + ": --stage rm needs a reward model (a score head), and this has none");
    nameForStage(log, stage);
    auto store = data::ProjectStore::open(o.project, false);
    data::RunStore runs(store->database());
    const auto run = finishedRun(o, log, stage);
    const std::vector<std::string> warnings = importWarnings(o, run, runs);
    // The copy (gigabytes, maybe) is made first; the transaction only renames it into the run's folder.
    const fs::path staging = fs::path(store->checkpointsDirectory()) / ("import-" + std::to_string(::getpid()) + ".partial");
    fs::path placed;
    int64_t runId = 0;
    try {
        stageModelFiles(o.dir, staging);
        runId = runs.addFinishedRun(run, [&](int64_t id) {
            const fs::path runDir = data::RunStore::directoryOf(store->checkpointsDirectory(), id, stage);
            if (fs::exists(runDir)) throw UserError(runDir.string() + ": exists already (files of a deleted run?); move it away first");
            char step[32];
            std::snprintf(step, sizeof step, "step-%08lld", static_cast<long long>(run.checkpointStep));
            fs::create_directories(runDir / "checkpoints");
            placed = runDir;
            fs::rename(staging, runDir / "checkpoints" / step);
            fsyncPath((runDir / "checkpoints").string());
            return (runDir / "checkpoints" / step).string();
        });
    } catch (...) {
        fs::remove_all(placed.empty() ? staging : placed);  // the transaction rolled back: no files without a row
        throw;
    }
    const auto checkpoint = runs.run(runId)->lastCheckpoint.value_or("");
    nlohmann::ordered_json result = {{"run", runId}, {"stage", stage}, {"name", run.name}, {"steps_logged", run.steps.size()},
                                     {"global_step", log.globalStep}, {"checkpoint", checkpoint}};
    if (!warnings.empty()) result["warnings"] = warnings;
    printResult(result, o.json);
}

}  // namespace

void addImportRunCommand(CLI::App& app) {
    auto o = std::make_shared<ImportRunOptions>();
    CLI::App* cmd = app.add_subcommand("import-run", engineCommandDescription("import-run"));
    cmd->add_option("PROJECT", o->project, "Project file")->required()->check(CLI::ExistingFile);
    cmd->add_option("DIR", o->dir, "The run's model directory (a Hugging Face checkpoint, e.g. TRL's checkpoint-N)")
        ->required()
        ->check(CLI::ExistingDirectory);
    auto* state = cmd->add_option("--state", o->state, "The Trainer's trainer_state.json (default: DIR/trainer_state.json)");
    auto* board = cmd->add_option("--tensorboard", o->tensorboard,
                                  "TensorBoard event files: a folder searched for events.out.tfevents.*, or one file (OpenRLHF's curves; "
                                  "default without DIR/trainer_state.json: DIR/tensorboard)")
                      ->excludes(state);
    cmd->add_flag("--no-log", o->noLog, "Import the checkpoint without curves; needs --stage")->excludes(state)->excludes(board);
    cmd->add_option("--stage", o->stage, "sft, rm, dpo, ppo or pretrain (default: from its metrics and weights)")
        ->check(CLI::IsMember({"pretrain", "sft", "rm", "dpo", "ppo"}));
    cmd->add_option("--name", o->name, "The run's name in the project (default: imported DIRNAME)");
    cmd->add_flag("--json", o->json, "JSON output (default: text)");
    cmd->callback([o] { importRun(*o); });
}

}  // namespace rlhf::cli
