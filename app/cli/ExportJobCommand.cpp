#include "ExportJobCommand.h"

#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "EngineCommands.h"
#include "data/Exporter.h"
#include "data/ProjectStore.h"
#include "train/PretrainConfig.h"
#include "train/TrlJob.h"
#include "util/FileSync.h"

namespace rlhf::cli {

namespace {

namespace fs = std::filesystem;

struct ExportJobOptions {
    std::string project, stage, out, configFile;
    std::vector<std::string> sets;
    bool json = false;
};

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (!file) throw UserError(path.string() + ": write failed");
    fsyncPath(path.string());
}

// The stage's settings as its run would take them (defaults, --config, --set); model made absolute.
struct JobSettings {
    nlohmann::json given;
    train::DpoConfig dpo;          // the DPO settings (dpo stage)
    train::FineTuneConfig config;  // the stage's settings (for dpo, its FineTuneConfig part)
};

JobSettings jobSettings(const ExportJobOptions& o) {
    JobSettings s;
    s.given = train::collectSettings(o.configFile, o.sets);
    if (!s.given.contains("model") || !s.given["model"].is_string())
        throw UserError("--set model=DIR is required: the model the job starts from");
    s.given["model"] = fs::absolute(s.given["model"].get<std::string>()).lexically_normal().string();
    const std::string origin = o.configFile.empty() ? "--set" : o.configFile;
    try {
        if (o.stage == "dpo") {
            s.dpo = train::DpoConfig::fromJson(s.given, origin);
            s.config = s.dpo;
        } else {
            s.config = train::FineTuneConfig::fromJson(s.given, origin, o.stage == "rm" ? train::FineTuneConfig::rewardDefaults()
                                                                                    : train::FineTuneConfig::sftDefaults());
        }
    } catch (const std::invalid_argument& e) {
        throw UserError(e.what());
    }
    return s;
}

std::string jobReadme(const ExportJobOptions& o, const std::string& command) {
    return "# " + o.stage + " job for TRL, exported by RLHF Workbench\n\n"
           "From `" + fs::absolute(o.project).lexically_normal().string() + "` with `rlhf export-job`.\n\n"
           "- `data/train.jsonl`, `data/test.jsonl`: the project's train and validation splits in TRL's format\n"
           "- `config.yaml`: the stage's settings under TRL's names (`trl " + command + " --config config.yaml`)\n"
           "- `settings.json`: the same settings under the workbench's names\n"
           "- `model_name_or_path` is the model's path on the machine that exported the job: copy the model to the\n"
           "  cluster and change it in `config.yaml` (or add `--model_name_or_path PATH` to `launch.sh`)\n"
           "- `launch.sh`: runs it with accelerate; `GPUS=8 ./launch.sh`, or with DeepSpeed ZeRO-2:\n"
           "  `ACCELERATE_CONFIG=deepspeed_zero2.yaml GPUS=8 ./launch.sh`\n\n"
           "The model and its checkpoints land in `output/`. Bring the run back into the project, curves and all:\n\n"
           "    rlhf import-run PROJECT output/checkpoint-N\n";
}

// data/: TRL's prompt-completion rows for SFT, prompt/chosen/rejected for the reward model and DPO.
std::pair<int64_t, int64_t> writeData(data::Database& db, const ExportJobOptions& o, const fs::path& dataDir) {
    fs::create_directories(dataDir);
    const auto format = o.stage == "sft" ? data::Format::Sft : data::Format::Trl;
    const int64_t train = data::exportJsonl(db, (dataDir / "train.jsonl").string(), format, "train").records;
    if (train == 0)
        throw UserError(o.project + ": no " + std::string(o.stage == "sft" ? "demonstrations" : "preference pairs") +
                        " in the train split to export");
    const int64_t test = data::exportJsonl(db, (dataDir / "test.jsonl").string(), format, "validation", false).records;
    return {train, test};
}

void exportJob(const ExportJobOptions& o) {
    const JobSettings settings = jobSettings(o);
    auto arguments = [&] {  // settings the Trainer cannot take are refused before anything is written
        try {
            return train::trlArguments(o.stage, settings.config, o.stage == "dpo" ? &settings.dpo : nullptr, "data", "output");
        } catch (const std::invalid_argument& e) {
            throw UserError(e.what());
        }
    }();
    const fs::path out = fs::absolute(o.out).lexically_normal();
    if (fs::exists(out) && !(fs::is_directory(out) && fs::is_empty(out)))
        throw UserError(o.out + ": exists and is not empty (the job goes into a new folder)");
    const fs::path partial = out.string() + ".partial";
    fs::remove_all(partial);
    fs::create_directories(partial);
    try {
        auto store = data::ProjectStore::open(o.project, false);
        const auto [train, test] = writeData(store->database(), o, partial / "data");
        if (test == 0) {  // nothing to evaluate on
            arguments["eval_strategy"] = "no";
            arguments.erase("eval_steps");
            arguments.erase("dataset_test_split");
        }
        const std::string command = train::trlCommandOf(o.stage);
        writeText(partial / "config.yaml", train::yamlOf(arguments, "# trl " + command + " --config config.yaml (written by rlhf export-job)\n"));
        writeText(partial / "launch.sh", train::trlLaunchScript(o.stage, fs::absolute(o.project).lexically_normal().string()));
        fs::permissions(partial / "launch.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
        writeText(partial / "deepspeed_zero2.yaml", train::deepSpeedZero2Config(settings.config.precision != "fp32"));
        writeText(partial / "settings.json", settings.given.dump(2) + "\n");
        writeText(partial / "README.md", jobReadme(o, command));
        fsyncPath(partial.string());
        if (fs::exists(out)) fs::remove(out);  // the empty folder asked for
        fs::rename(partial, out);
        fsyncPath(out.parent_path().string());
        printResult({{"out", out.string()}, {"stage", o.stage}, {"trl_command", "trl " + command + " --config config.yaml"},
                     {"train_records", train}, {"test_records", test}, {"launch", (out / "launch.sh").string()}},
                    o.json);
    } catch (...) {
        fs::remove_all(partial);
        throw;
    }
}

}  // namespace

void addExportJobCommand(CLI::App& app) {
    auto o = std::make_shared<ExportJobOptions>();
    CLI::App* cmd = app.add_subcommand("export-job", engineCommandDescription("export-job"));
    cmd->add_option("PROJECT", o->project, "Project file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--stage", o->stage, "sft, rm or dpo (TRL's sft, reward and dpo)")->required()->check(CLI::IsMember({"sft", "rm", "dpo"}));
    cmd->add_option("--out", o->out, "The job's folder (new or empty)")->required();
    cmd->add_option("--config", o->configFile, "JSON file of the stage's settings (as rlhf train takes them)");
    cmd->add_option("--set", o->sets, "key=value setting (repeatable), e.g. --set model=DIR --set lr=1e-5");
    cmd->add_flag("--json", o->json, "JSON output (default: text)");
    cmd->callback([o] { exportJob(*o); });
}

}  // namespace rlhf::cli
