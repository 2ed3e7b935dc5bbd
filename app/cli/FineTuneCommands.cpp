#include "FineTuneCommands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "MemoryCheck.h"
#include "RowTokenBound.h"
#include "TrainRunSupport.h"
#include "chat/InstructFormat.h"
#include "data/Demonstrations.h"
#include "data/PreferenceGroups.h"
#include "data/PreferencePairs.h"
#include "data/PromptTexts.h"
#include "data/TrainingText.h"
#include "model/LlamaConfig.h"
#include "model/MambaConfig.h"
#include "model/MemoryEstimate.h"
#include "train/DpoRun.h"
#include "train/Precision.h"
#include "train/PpoRun.h"
#include "train/RewardRun.h"
#include "train/SftRun.h"

namespace rlhf::cli {

namespace {

// What differs between the fine-tuning stages: their run and config types, and what they read.
struct SftStage {
    using Run = train::SftRun;
    using Config = train::FineTuneConfig;
    static constexpr const char* kind = "sft";
    static constexpr const char* validated = "demonstrations";  // what its validation split must hold
    static Config parse(const nlohmann::json& s, const std::string& origin) {
        return Config::fromJson(s, origin, Config::sftDefaults());
    }
    static auto read(data::Database& db, const std::string& split) { return data::readDemonstrations(db, split); }
    static constexpr const char* missing = "no demonstrations in the train split to fine-tune on (write some in the "
                                           "Dataset panel, or import prompt/completion records)";
    static nlohmann::json summary(const Run& run) {
        const auto& e = run.trainExamples();
        return {{"demonstrations", e.rows.size()}, {"truncated", e.truncated}, {"skipped", e.skipped}};
    }
};

struct DpoStage {
    using Run = train::DpoRun;
    using Config = train::DpoConfig;
    static constexpr const char* kind = "dpo";
    static constexpr const char* validated = "preference pairs";
    static Config parse(const nlohmann::json& s, const std::string& origin) { return Config::fromJson(s, origin); }
    static constexpr bool selectsJudgements = true;  // labellers, guideline, passed_screening, min_agreement
    static auto read(data::Database& db, const std::string& split, const data::JudgementSelection& selection) {
        return data::readPreferencePairs(db, split, selection);
    }
    static constexpr const char* missing = "no preference pairs in the train split to learn from (import "
                                           "chosen/rejected records, or rank responses)";
    static nlohmann::json summary(const Run& run) {
        const auto& p = run.trainPairs();
        return {{"pairs", p.pairs()}, {"truncated", p.truncated}, {"skipped", p.skipped}};
    }
};

struct RewardStage {
    using Run = train::RewardRun;
    using Config = train::FineTuneConfig;
    static constexpr const char* kind = "rm";
    static constexpr const char* validated = "preferences";
    static Config parse(const nlohmann::json& s, const std::string& origin) {
        return Config::fromJson(s, origin, Config::rewardDefaults());
    }
    static constexpr bool selectsJudgements = true;
    static auto read(data::Database& db, const std::string& split, const data::JudgementSelection& selection) {
        return data::readPreferenceGroups(db, split, selection);
    }
    static constexpr const char* missing = "no preferences in the train split to learn from (import chosen/rejected "
                                           "records, or rank responses)";
    static nlohmann::json summary(const Run& run) {
        const auto& g = run.trainGroups();
        return {{"groups", g.groups.size()}, {"pairs", g.pairs}, {"skipped", g.skipped}};
    }
};

struct PpoStage {
    using Run = train::PpoRun;
    using Config = train::PpoConfig;
    static constexpr const char* kind = "ppo";
    static constexpr const char* validated = nullptr;  // PPO's metrics come from its rollouts
    static Config parse(const nlohmann::json& s, const std::string& origin) { return Config::fromJson(s, origin); }
    static auto read(data::Database& db, const std::string& split) { return data::readPromptTexts(db, split); }
    static constexpr const char* missing = "no prompts in the train split to roll out";
    static nlohmann::json summary(const Run& run) { return {{"prompts", run.prompts()}, {"skipped", run.skippedPrompts()}, {"beta", run.beta()}}; }
    // PPO-ptx mixes in the project's pretraining text (its train split, as `train pretrain` reads it).
    static void prepareRunDirectory(data::Database& db, const Config& config, const std::string& dir) {
        if (config.ptxCoef > 0) data::writeTrainingText(db, dir + "/ptx.txt");
    }
};

// The memory a stage's run needs by its settings: sequences as long as max_length or the context allow,
// and its data's rows can make (`rowBound`, RowTokenBound).
model::StageMemory memoryNeed(const train::FineTuneConfig& c, const char* kind, const torch::Device& device, int64_t rowBound) {
    const auto shape = model::modelShapeOf(c.model);
    const bool bf16 = train::parsePrecision(c.precision, device) == train::Precision::Bf16;
    const int64_t sequence = std::min(c.maxLength > 0 ? c.maxLength : shape.context, rowBound);
    return model::estimateStageMemory(shape, {kind, c.batchSize, 0, sequence, 0, bf16});
}

model::StageMemory memoryNeed(const train::PpoConfig& c, const char* kind, const torch::Device& device, int64_t rowBound) {
    const auto shape = model::modelShapeOf(c.model), reward = model::modelShapeOf(c.rewardModel);
    const bool bf16 = train::parsePrecision(c.precision, device) == train::Precision::Bf16;
    const int64_t prompt = std::min({static_cast<int64_t>(c.maxPromptLength), std::max<int64_t>(1, shape.context - c.responseLength), rowBound});
    const model::StageSize size{kind, c.rolloutBatch, c.miniBatch, prompt, c.responseLength, bf16};
    return model::estimateStageMemory(shape, size, &reward);
}

// Refuses a run that cannot fit before anything is loaded (a config that cannot be read is left to the run,
// which names the problem as it always has).
template <typename Stage>
void checkRunMemory(const TrainOptions& o, const typename Stage::Config& config, const torch::Device& device, int64_t rowBound) {
    model::StageMemory need;
    try {
        need = memoryNeed(config, Stage::kind, device, rowBound);
    } catch (const std::invalid_argument&) {
        return;
    }
    checkStageMemory(need, std::string("rlhf train ") + Stage::kind, device.is_cuda(), o.noMemoryCheck, "--no-memory-check");
}

// SFT, DPO and PPO's policy take any causal language model (a GPT-2, a Mamba, the Llama family); a reward
// model (trained, or PPO's) is a GPT-2 or Llama-family classifier (a Mamba has no sequence-classification
// layout). A Mamba is refused before the run is recorded.
template <typename Stage>
void checkArchitecture(const typename Stage::Config& config) {
    const std::string kind = Stage::kind;
    std::string dir;
    if (kind == "rm") dir = config.model;
    if constexpr (requires { config.rewardModel; }) dir = config.rewardModel;
    if (dir.empty() || !model::isMamba(model::modelTypeOf(dir))) return;
    if (kind == "rm")
        throw UserError(dir + ": a Mamba; rlhf train rm takes GPT-2 and Llama-family checkpoints (transformers has no "
                        "sequence-classification layout for Mamba; SFT and DPO take it)");
    throw UserError(dir + ": a Mamba; PPO's reward_model is a GPT-2 or Llama-family reward model (rlhf train rm; a Mamba policy is fine)");
}

// What a stage writes into its run directory before the run starts (PPO-ptx: the pretraining text).
template <typename Stage>
void prepareRunDirectory(data::Database& db, const typename Stage::Config& config, const std::string& dir) {
    if constexpr (requires { Stage::prepareRunDirectory(db, config, dir); }) Stage::prepareRunDirectory(db, config, dir);
}

// A stage's data of one split; the reward model and DPO keep the judgements the run's settings select.
template <typename Stage>
auto readSplit(data::Database& db, const std::string& split, const data::JudgementSelection& selection) {
    if constexpr (requires { Stage::selectsJudgements; }) return Stage::read(db, split, selection);
    else return Stage::read(db, split);
}

// Whether the run's model reads prompts as plain text: a model with a chat template the workbench renders
// turns both conversational and standard prompts into its chat turns, so their mix matters only without one.
bool rendersPlainText(const nlohmann::json& settings) {
    if (!settings.contains("model") || !settings["model"].is_string()) return true;
    try {
        const std::string jinja = chat::chatTemplateOfModel(settings["model"].get<std::string>());
        return jinja.empty() || !chat::detectInstructFormat(jinja);
    } catch (const std::exception&) {  // an unreadable tokenizer_config.json: the run's own checks say so
        return true;
    }
}

// A new run of the project: its train split to learn, its validation split to evaluate.
template <typename Stage>
std::unique_ptr<typename Stage::Run> createRun(const TrainOptions& o, RunTarget& target, const torch::Device& device) {
    nlohmann::json settings = stageSettings(o, false);
    for (const char* key : {"model", "reward_model"})  // the run records where its models came from
        if (settings.contains(key) && settings[key].is_string())
            settings[key] = std::filesystem::absolute(settings[key].get<std::string>()).lexically_normal().string();
    const std::string origin = o.configFile.empty() ? "--set" : o.configFile;
    nlohmann::json modelSettings = settings;  // the run records the selection too; the model's config has none
    data::JudgementSelection selection;
    if constexpr (requires { Stage::selectsJudgements; }) selection = data::JudgementSelection::takeFrom(modelSettings, origin);
    const auto config = Stage::parse(modelSettings, origin);
    checkArchitecture<Stage>(config);
    auto& db = target.store->database();
    const auto train = readSplit<Stage>(db, "train", selection);
    if (train.empty())
        throw UserError(o.project + ": " + (selection.selectsLabellers() || !selection.guideline.empty()
                                                ? std::string("no preferences in the train split from the judgements selected (labellers, guideline, passed_screening, min_agreement)")
                                                : std::string(Stage::missing)));
    const auto validation = readSplit<Stage>(db, "validation", selection);
    checkRunMemory<Stage>(o, config, device, std::max(rowTokenBound(train), rowTokenBound(validation)));
    if (const std::string warning = data::promptFormatWarning(target.store->stats()); !warning.empty() && rendersPlainText(settings))
        std::cerr << "rlhf: warning: " << warning << '\n';
    if (Stage::validated && validation.empty())
        std::cerr << "rlhf: note: " << o.project << " has no " << Stage::validated
                  << " in the validation split, so this run logs no val_* metrics (rlhf split " << o.project
                  << " assigns one)\n";
    createProjectRun(target, Stage::kind, settings);
    return startRecorded(target, [&] {
        prepareRunDirectory<Stage>(db, config, target.dir);
        return Stage::Run::create(target.dir, config, train, validation, device);
    });
}

template <typename Stage>
StageOutcome runStage(const TrainOptions& o) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    RunTarget target;
    target.store = data::ProjectStore::open(o.project, false);
    std::unique_ptr<typename Stage::Run> run;
    if (o.resume.empty()) {
        run = createRun<Stage>(o, target, device);
    } else {
        const int64_t maxSteps = stageSettings(o, true).value("max_steps", int64_t(0));
        reopenProjectRun(target, o.resume, Stage::kind, o.project);
        run = startRecorded(target, [&] { return Stage::Run::resume(target.dir, device, maxSteps); });
    }
    if (o.control == "stdin") readControlLines();
    const auto result = runRecorded(*run, target, o.json, Stage::kind);
    nlohmann::ordered_json out = {{"run", target.runId}, {"dir", target.dir}, {"steps", result.lastStep},
                          {"stopped", result.stopped}, {"checkpoint", run->lastCheckpoint()}};
    out.update(Stage::summary(*run));
    return {out, result.error};
}

template <typename Stage>
void runAndPrint(const TrainOptions& o) {
    const StageOutcome outcome = runStage<Stage>(o);
    printResult(outcome.result, o.json);
    if (!outcome.error.empty()) throw UserError(outcome.error);
}

template <typename Stage>
void addStage(CLI::App& train, const char* description, const char* projectHelp) {
    auto o = std::make_shared<TrainOptions>();
    CLI::App* cmd = train.add_subcommand(Stage::kind, description);
    cmd->add_option("PROJECT", o->project, projectHelp)->required();
    addCommonTrainOptions(cmd, *o);
    cmd->callback([o] { runAndPrint<Stage>(*o); });
}

}  // namespace

StageOutcome trainFineTuneStage(const std::string& kind, const TrainOptions& o) {
    if (kind == SftStage::kind) return runStage<SftStage>(o);
    if (kind == RewardStage::kind) return runStage<RewardStage>(o);
    if (kind == DpoStage::kind) return runStage<DpoStage>(o);
    if (kind == PpoStage::kind) return runStage<PpoStage>(o);
    throw UserError("train: no stage named " + kind);
}

void addFineTuneCommands(CLI::App& train) {
    addStage<SftStage>(train, "Supervised fine-tuning of a GPT-2, a Llama-family model or a Mamba (--set model=DIR) on the project's demonstrations",
                       "Project: learns its train split's demonstrations, evaluates on validation");
    addStage<DpoStage>(train, "DPO of a GPT-2, a Llama-family model or a Mamba (--set model=DIR, usually an SFT checkpoint) on the project's preference pairs",
                       "Project: learns its train split's pairs (comparisons and rankings), evaluates on validation");
    addStage<PpoStage>(train, "PPO of a policy (--set model=DIR: a GPT-2, Llama-family or Mamba model) against a reward model (--set reward_model=DIR) on the project's prompts",
                       "Project: rolls out its train split's prompts");
    addStage<RewardStage>(train, "Reward model (GPT2-, Llama- or Qwen2ForSequenceClassification) from a GPT-2 or a Llama-family model (--set model=DIR) on the project's preferences",
                          "Project: learns its train split's comparisons and rankings, evaluates on validation");
}

}  // namespace rlhf::cli
