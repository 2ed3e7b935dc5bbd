#include "ExportJobCommand.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "EngineCommands.h"
#include "JobModelCheck.h"
#include "data/Exporter.h"
#include "data/ProjectStore.h"
#include "data/PromptTexts.h"
#include "model/MemoryEstimate.h"
#include "train/OpenRlhfJob.h"
#include "train/PpoConfig.h"
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
    train::PpoConfig ppo;          // the PPO settings (ppo stage)
    bool conversational = false;   // the model has a chat template: rows as message lists, which the trainers render in it
    std::vector<std::string> warnings;
};

// The job's models, checked before anything is written: a reward model where a language model starts the
// stage (or the other way round), or a PPO reward model that reads the policy's rows otherwise, is refused,
// as `rlhf train` refuses it; a model not on this machine is taken as given, with a warning.
void checkJobModels(const ExportJobOptions& o, JobSettings& s) {
    const std::string model = s.given["model"].get<std::string>();
    const auto m = inspectJobModel(model, "model", s.warnings);
    if (m) {
        if (m->scoreHead && o.stage != "rm")
            throw UserError("model: " + model + " is a reward model (its weights have a score head); the " + o.stage +
                            " stage starts from a language model");
        s.conversational = m->chatTemplate;
        // max_length 0 is the model's context here; TRL's default would cut at 1024 tokens instead.
        if (m->context && s.config.maxLength == 0) s.config.maxLength = s.dpo.maxLength = static_cast<int>(*m->context);
    }
    if (o.stage != "ppo") return;
    const std::string reward = s.ppo.rewardModel;
    const auto r = inspectJobModel(reward, "reward_model", s.warnings);
    if (r && !r->scoreHead)
        throw UserError("reward_model: " + reward + " is not a reward model (its weights have no score.weight; train one with rlhf train rm)");
    if (m && r) checkRewardReads(*m, *r, reward);
    const int gpus = 8;  // launch.sh's default GPUS_PER_NODE, one node
    if (s.ppo.miniBatch % gpus != 0 || s.ppo.rolloutBatch < gpus)
        addJobWarning(s.warnings, "launch.sh runs on one node of 8 GPUs unless told otherwise, and OpenRLHF splits mini_batch " +
                             std::to_string(s.ppo.miniBatch) + " and rollout_batch " + std::to_string(s.ppo.rolloutBatch) +
                             " over them: launch it with GPUS_PER_NODE set to a divisor of mini_batch, or export again with "
                             "--set mini_batch=8 --set rollout_batch=8 (or multiples)");
}

JobSettings jobSettings(const ExportJobOptions& o) {
    JobSettings s;
    s.given = train::collectSettings(o.configFile, o.sets);
    if (!s.given.contains("model") || !s.given["model"].is_string())
        throw UsageError("--set model=DIR is required: the model the job starts from");
    for (const char* key : {"model", "reward_model"})
        if (s.given.contains(key) && s.given[key].is_string())
            s.given[key] = fs::absolute(s.given[key].get<std::string>()).lexically_normal().string();
    const std::string origin = o.configFile.empty() ? "--set" : o.configFile;
    try {
        if (o.stage == "ppo") {
            s.ppo = train::PpoConfig::fromJson(s.given, origin);
        } else if (o.stage == "dpo") {
            s.dpo = train::DpoConfig::fromJson(s.given, origin);
            s.config = s.dpo;
        } else {
            s.config = train::FineTuneConfig::fromJson(s.given, origin, o.stage == "rm" ? train::FineTuneConfig::rewardDefaults()
                                                                                    : train::FineTuneConfig::sftDefaults());
        }
    } catch (const std::invalid_argument& e) {
        throw UserError(e.what());
    }
    checkJobModels(o, s);
    return s;
}

std::string jobReadme(const ExportJobOptions& o, const std::string& command, bool withTest) {
    return "# " + o.stage + " job for TRL, exported by RLHF Workbench\n\n"
           "From `" + fs::absolute(o.project).lexically_normal().string() + "` with `rlhf export-job`.\n\n" +
           (withTest ? "- `data/train.jsonl`, `data/test.jsonl`: the project's train and validation splits"
                     : "- `data/train.jsonl`: the project's train split (it has no validation split: the job does not evaluate)") +
           " in TRL's format (its\n"
           "  conversational one, message lists, for a model with a chat template: TRL renders them in it)\n"
           "- `config.yaml`: the stage's settings under TRL's names (`trl " + command + " --config config.yaml`)\n"
           "- `settings.json`: the same settings under the workbench's names\n"
           "- `model_name_or_path` is the model's path on the machine that exported the job: copy the model to the\n"
           "  cluster and change it in `config.yaml` (or add `--model_name_or_path PATH` to `launch.sh`)\n"
           "- `launch.sh`: runs it with accelerate; `GPUS=8 ./launch.sh`, or with DeepSpeed ZeRO-2:\n"
           "  `ACCELERATE_CONFIG=deepspeed_zero2.yaml GPUS=8 ./launch.sh`\n\n"
           "The model and its checkpoints land in `output/`. Bring the run back into the project, curves and all:\n\n"
           "    rlhf import-run PROJECT output/checkpoint-N\n";
}

// The rows' format: TRL's conversational one (message lists, which TRL renders in the model's chat
// template, as the workbench trains such a model) when the model has a chat template, else its standard one.
data::Format trlDataFormat(const std::string& stage, bool conversational) {
    if (stage == "sft") return conversational ? data::Format::SftMessages : data::Format::Sft;
    return conversational ? data::Format::TrlMessages : data::Format::Trl;
}

// data/: TRL's prompt-completion rows for SFT, prompt/chosen/rejected for the reward model and DPO.
// Every row gets the same keys, as `datasets` needs to load the splits as one dataset: a DPO job drops the
// comparisons' "margin" (TRL's DPO does not read it), a reward-model job with any margin gives every row one
// (0 where the label had none: TRL subtracts it from the reward difference, so 0 changes nothing).
std::pair<int64_t, int64_t> writeData(data::Database& db, const ExportJobOptions& o, const fs::path& dataDir, data::Format format) {
    fs::create_directories(dataDir);
    const bool anyMargin = data::anyComparisonMargin(db, "train") || data::anyComparisonMargin(db, "validation");
    const data::MarginKey margins = o.stage == "dpo"                ? data::MarginKey::Never
                                    : o.stage == "rm" && anyMargin ? data::MarginKey::Always
                                                                   : data::MarginKey::AsLabelled;
    const int64_t train = data::exportJsonl(db, (dataDir / "train.jsonl").string(), format, "train", false, margins).records;
    if (train == 0)
        throw UserError(o.project + ": no " + std::string(o.stage == "sft" ? "demonstrations" : "comparisons or ranked pairs") +
                        " in the train split to export (" +
                        (o.stage == "sft" ? "an sft job trains on demonstrations" : "an " + o.stage + " job trains on preference pairs") + ")");
    const int64_t test = data::exportJsonl(db, (dataDir / "test.jsonl").string(), format, "validation", false, margins).records;
    return {train, test};
}

// PPO: the train and validation prompts as {"prompt": text} lines, or {"prompt": [messages]} for a policy
// with a chat template (OpenRLHF's --data.apply_chat_template renders them; an HH dialogue keeps its turns);
// the validation ones for reference: OpenRLHF evaluates only with a remote reward function. Returns the counts.
std::pair<int64_t, int64_t> writePrompts(data::Database& db, const fs::path& dataDir, bool conversational) {
    fs::create_directories(dataDir);
    std::pair<int64_t, int64_t> counts;
    for (auto [split, file, count] : {std::tuple{"train", "prompts.jsonl", &counts.first}, {"validation", "eval_prompts.jsonl", &counts.second}}) {
        std::string lines;
        for (const auto& prompt : data::readPromptTexts(db, split)) {
            const nlohmann::json value = conversational ? data::contentMessages({prompt, std::nullopt}, true) : nlohmann::json(prompt);
            lines += nlohmann::json{{"prompt", value}}.dump() + "\n";
        }
        *count = static_cast<int64_t>(std::count(lines.begin(), lines.end(), '\n'));
        if (*count > 0) writeText(dataDir / file, lines);
    }
    return counts;
}

std::string ppoJobReadme(const ExportJobOptions& o) {
    return "# ppo job for OpenRLHF, exported by RLHF Workbench\n\n"
           "From `" + fs::absolute(o.project).lexically_normal().string() + "` with `rlhf export-job`.\n\n"
           "- `data/prompts.jsonl`, `data/eval_prompts.jsonl`: the project's train and validation prompts (`{\"prompt\": …}`)\n"
           "- `openrlhf_args.sh`: the run's settings as `openrlhf.cli.train_ppo_ray` arguments (OpenRLHF 0.11's dotted options)\n"
           "- `settings.json`: the same settings under the workbench's names\n"
           "- the policy, reference, reward and critic paths are those of the machine that exported the job: copy the\n"
           "  models to the cluster and change them in `openrlhf_args.sh`\n"
           "- `launch.sh`: submits it to a Ray cluster: `OUTPUT_DIR=/shared/ppo-run GPUS_PER_NODE=8 ./launch.sh`\n"
           "  (`OUTPUT_DIR`: absolute, writable by every node; also `RAY_ADDRESS`, `NODES`, `VLLM_ENGINES`). `mini_batch` is\n"
           "  the global batch of an update and must be a multiple of the GPUs, `rollout_batch` at least their number\n\n"
           "Not carried over: vf_coef (OpenRLHF's critic has its own optimiser), ratio_threshold (TRL's heuristic), and\n"
           "eval_every (OpenRLHF evaluates only with a remote reward function; `data/eval_prompts.jsonl` is for reference).\n"
           "The policy lands in `$OUTPUT_DIR` in Hugging Face form, its curves in `$OUTPUT_DIR/tensorboard` (TensorBoard).\n"
           "Bring the run back into the project, curves and model:\n\n"
           "    rlhf import-run PROJECT $OUTPUT_DIR\n";
}

nlohmann::ordered_json writePpoJob(const ExportJobOptions& o, const JobSettings& settings, const fs::path& partial) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto counts = writePrompts(store->database(), partial / "data", settings.conversational);
    train::OpenRlhfPrompts prompts{"data/prompts.jsonl", counts.first, 0, settings.conversational};
    try {
        prompts.maxLength = model::modelShapeOf(settings.ppo.model).context;
    } catch (const std::invalid_argument&) {  // a model only on the cluster: OpenRLHF's default length
    }
    std::vector<train::CommandArgument> arguments;
    try {
        arguments = train::openRlhfPpoArguments(settings.ppo, prompts);
    } catch (const std::invalid_argument& e) {
        throw UserError(o.project + ": " + e.what());
    }
    const std::string origin = fs::absolute(o.project).lexically_normal().string();
    writeText(partial / "openrlhf_args.sh", train::openRlhfArgumentsScript(arguments, settings.ppo, origin));
    writeText(partial / "launch.sh", train::openRlhfLaunchScript(origin));
    writeText(partial / "settings.json", settings.ppo.toJson().dump(2) + "\n");
    writeText(partial / "README.md", ppoJobReadme(o));
    return {{"openrlhf_command", "python3 -m openrlhf.cli.train_ppo_ray"}, {"train_prompts", counts.first},
            {"eval_prompts", counts.second}, {"data_format", settings.conversational ? "messages" : "text"}};
}

// Writes the job into OUT.partial with `write` (which returns what to report), then renames it to OUT:
// a folder that is there is whole.
void writeJobFolder(const ExportJobOptions& o, const std::function<nlohmann::ordered_json(const fs::path&)>& write) {
    const fs::path out = fs::absolute(o.out).lexically_normal();
    if (fs::exists(out) && !fs::is_directory(out)) throw UserError(o.out + ": is a file (the job goes into a new or empty folder)");
    if (fs::exists(out) && !fs::is_empty(out)) throw UserError(o.out + ": exists and is not empty (the job goes into a new folder)");
    const fs::path partial = out.string() + ".partial";
    std::error_code error;
    fs::remove_all(partial, error);
    if (!error) fs::create_directories(partial, error);
    if (error) throw UserError(o.out + ": cannot create the job's folder (" + error.message() + ")");
    try {
        nlohmann::ordered_json result = {{"out", out.string()}, {"stage", o.stage}};
        result.update(write(partial));
        fs::permissions(partial / "launch.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
        fsyncPath(partial.string());
        if (fs::exists(out)) fs::remove(out);  // the empty folder asked for
        fs::rename(partial, out);
        fsyncPath(out.parent_path().string());
        result["launch"] = (out / "launch.sh").string();
        printResult(result, o.json);
    } catch (...) {
        fs::remove_all(partial);
        throw;
    }
}

nlohmann::ordered_json writeTrlJob(const ExportJobOptions& o, const JobSettings& settings, const fs::path& partial) {
    auto arguments = [&] {  // settings the Trainer cannot take are refused before the data is written
        try {
            return train::trlArguments(o.stage, settings.config, o.stage == "dpo" ? &settings.dpo : nullptr, "data", "output");
        } catch (const std::invalid_argument& e) {
            throw UserError(e.what());
        }
    }();
    auto store = data::ProjectStore::open(o.project, false);
    const data::Format format = trlDataFormat(o.stage, settings.conversational);
    const auto [train, test] = writeData(store->database(), o, partial / "data", format);
    if (test == 0) {  // nothing to evaluate on
        arguments["eval_strategy"] = "no";
        arguments.erase("eval_steps");
        arguments.erase("dataset_test_split");
    }
    const std::string command = train::trlCommandOf(o.stage);
    writeText(partial / "config.yaml", train::yamlOf(arguments, "# trl " + command + " --config config.yaml (written by rlhf export-job)\n"));
    writeText(partial / "launch.sh", train::trlLaunchScript(o.stage, fs::absolute(o.project).lexically_normal().string()));
    writeText(partial / "deepspeed_zero2.yaml", train::deepSpeedZero2Config(settings.config.precision != "fp32"));
    writeText(partial / "settings.json", (o.stage == "dpo" ? settings.dpo.toJson() : settings.config.toJson()).dump(2) + "\n");
    writeText(partial / "README.md", jobReadme(o, command, test > 0));
    return {{"trl_command", "trl " + command + " --config config.yaml"}, {"train_records", train}, {"test_records", test},
            {"data_format", data::formatName(format)}};
}

void exportJob(const ExportJobOptions& o) {
    const JobSettings settings = jobSettings(o);
    writeJobFolder(o, [&](const fs::path& partial) {
        auto result = o.stage == "ppo" ? writePpoJob(o, settings, partial) : writeTrlJob(o, settings, partial);
        if (!settings.warnings.empty() && o.json) result["warnings"] = settings.warnings;  // the text form has them on stderr
        return result;
    });
}

}  // namespace

void addExportJobCommand(CLI::App& app) {
    auto o = std::make_shared<ExportJobOptions>();
    CLI::App* cmd = app.add_subcommand("export-job", engineCommandDescription("export-job"));
    cmd->add_option("PROJECT", o->project, "Project file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--stage", o->stage, "sft, rm or dpo (TRL's sft, reward and dpo), or ppo (OpenRLHF's train_ppo_ray)")
        ->required()
        ->check(CLI::IsMember({"sft", "rm", "dpo", "ppo"}));
    cmd->add_option("--out", o->out, "The job's folder (new or empty)")->required();
    cmd->add_option("--config", o->configFile, "JSON file of the stage's settings (as rlhf train takes them)");
    cmd->add_option("--set", o->sets, "key=value setting (repeatable), e.g. --set model=DIR --set lr=1e-5");
    cmd->add_flag("--json", o->json, "JSON output (default: text)");
    cmd->callback([o] { exportJob(*o); });
}

}  // namespace rlhf::cli
