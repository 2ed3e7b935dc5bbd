#include "MemoryCheck.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "ChatReplies.h"
#include "EngineCommands.h"
#include "train/FineTuneConfig.h"
#include "train/PpoConfig.h"
#include "train/Precision.h"
#include "train/PretrainConfig.h"
#include "train/RewardRun.h"

namespace rlhf::cli {

namespace {

std::string parts(const model::StageMemory& m) {
    std::string out;
    const std::pair<const char*, double> named[] = {{"weights", m.weights},   {"gradients", m.gradients}, {"optimizer", m.optimizer},
                                                    {"bf16 copies", m.autocast}, {"frozen models", m.frozen},
                                                    {m.recurrentState ? "recurrent state" : "KV cache", m.cache},
                                                    {"activations at most", m.activations}};
    for (const auto& [name, bytes] : named)
        if (bytes > 0) out += (out.empty() ? "" : ", ") + std::string(name) + " " + model::gibibytes(bytes);
    return out;
}

struct EstimateOptions {
    std::string model, rewardModel, stage, precision;  // precision: empty until resolvePrecision
    int64_t batch = 0, sequence = 0, newTokens = -1;
    bool json = false;
};

// What the stage runs in on this machine's CPU, as its command would: training stages and chat default to
// auto (bf16 where the CPU computes it natively; inference only for the Llama family), generate and score
// to fp32; an explicit fp32 or bf16 is taken as asked.
std::string resolvePrecision(const EstimateOptions& o) {
    const bool inference = o.stage == "chat" || o.stage == "generate" || o.stage == "score";
    const std::string asked = !o.precision.empty() ? o.precision : (o.stage == "generate" || o.stage == "score") ? "fp32" : "auto";
    if (inference && asked == "bf16") inferenceDtype(asked, o.model, torch::kCPU);  // refuses it for a GPT-2 or a Mamba
    if (asked != "auto") return asked;
    if (inference) return dtypeName(inferenceDtype("auto", o.model, torch::kCPU));
    return train::precisionName(train::parsePrecision("auto", torch::kCPU));
}

// The stage's own defaults where the options leave a size out: its batch and its new tokens (a chat: the
// conversation it keeps, half prompt and half reply, as the chat checks before it loads).
model::StageSize sizeOf(const EstimateOptions& o, const model::ModelShape& shape) {
    model::StageSize size{o.stage, o.batch, 0, o.sequence, o.newTokens < 0 ? 0 : o.newTokens, o.precision == "bf16"};
    if (o.stage == "sft" || o.stage == "dpo") size.batch = o.batch > 0 ? o.batch : train::FineTuneConfig::sftDefaults().batchSize;
    else if (o.stage == "rm") size.batch = o.batch > 0 ? o.batch : train::FineTuneConfig::rewardDefaults().batchSize;
    else if (o.stage == "pretrain") size.batch = o.batch > 0 ? o.batch : train::PretrainConfig{}.batchSize;
    else if (o.stage == "ppo") {
        size.batch = o.batch > 0 ? o.batch : train::PpoConfig{}.rolloutBatch;
        size.trainBatch = std::min<int64_t>(size.batch, train::PpoConfig{}.miniBatch);
        if (o.newTokens < 0) size.newTokens = train::PpoConfig{}.responseLength;
    } else {
        size.batch = o.batch > 0 ? o.batch : 1;
        if (o.stage == "chat") {
            const auto chat = chatStageSize(shape, o.newTokens, size.bf16);
            size.newTokens = chat.newTokens;
            if (o.sequence <= 0) size.sequence = chat.sequence;
        }
        if (o.stage == "generate" && o.newTokens < 0) size.newTokens = 64;
    }
    return size;
}

void runEstimate(EstimateOptions o) {
    if (o.newTokens >= 0 && o.stage != "chat" && o.stage != "generate" && o.stage != "ppo")
        throw UsageError("--new-tokens: for the chat, generate and ppo stages (" + o.stage + " generates nothing)");
    if (!o.rewardModel.empty() && o.stage != "ppo") throw UsageError("--reward-model: for the ppo stage");
    o.precision = resolvePrecision(o);
    const auto shape = model::modelShapeOf(o.model);
    std::unique_ptr<model::ModelShape> reward;
    if (o.stage == "ppo") {
        if (o.rewardModel.empty()) throw UsageError("--reward-model is required for the ppo stage");
        reward = std::make_unique<model::ModelShape>(model::modelShapeOf(o.rewardModel));
    }
    // What rlhf train refuses is not estimated: a reward model (PPO's too) on a Mamba backbone.
    const auto refuseMambaReward = [](const std::string& option, const std::string& dir) {
        try {
            train::refuseMambaRewardBackbone(dir);
        } catch (const std::invalid_argument& e) {
            throw UserError(option + ": " + e.what() + ", and rlhf train refuses it");
        }
    };
    if (o.stage == "rm") refuseMambaReward("--model", o.model);
    if (reward) refuseMambaReward("--reward-model", o.rewardModel);
    model::StageSize size = sizeOf(o, shape);
    if (size.sequence <= 0) size.sequence = std::max<int64_t>(1, shape.context - size.newTokens);
    if (o.stage == "ppo" && o.sequence <= 0) size.sequence = std::min<int64_t>(size.sequence, train::PpoConfig{}.maxPromptLength);
    const auto need = model::estimateStageMemory(shape, size, reward.get());
    const double available = model::availableMemoryBytes();
    const auto bytes = [](double b) { return static_cast<int64_t>(b); };
    nlohmann::ordered_json out = {{"stage", o.stage}, {"parameters", bytes(shape.parameters)}, {"batch", size.batch},
                                  {"sequence", size.sequence}, {"new_tokens", size.newTokens}, {"precision", o.precision},
                                  {"weights", bytes(need.weights)}, {"gradients", bytes(need.gradients)},
                                  {"optimizer", bytes(need.optimizer)}, {"autocast", bytes(need.autocast)},
                                  {"frozen", bytes(need.frozen)}, {"cache", bytes(need.cache)},
                                  {"activations", bytes(need.activations)}, {"total", bytes(need.total())},
                                  {"available", bytes(available)}, {"fits", need.total() <= available}};
    if (o.json) return printJsonLine(out);
    const std::string newTokens = size.newTokens > 0 ? " + " + std::to_string(size.newTokens) + " new" : "";
    std::cout << o.stage << " of " << o.model << ": " << static_cast<int64_t>(shape.parameters) << " parameters, batch "
              << size.batch << " × " << size.sequence << (size.sequence == 1 ? " token" : " tokens") << newTokens
              << ", " << o.precision << "\n  " << parts(need) << "\n  total " << model::gibibytes(need.total()) << ", available "
              << model::gibibytes(available) << ": " << (need.total() <= available ? "fits" : need.fixed() <= available ? "fits only with shorter sequences or a smaller batch" : "does not fit")
              << std::endl;
}

}  // namespace

void checkStageMemory(const model::StageMemory& need, const std::string& what, bool onGpu, bool skip, const std::string& override) {
    const double available = model::availableMemoryBytes();
    if (skip || onGpu || available <= 0) return;
    if (need.fixed() > available)
        throw UserError(what + " needs about " + model::gibibytes(need.fixed()) + " before its activations (" + parts(need) +
                        ") and " + model::gibibytes(available) + " are free: it will not fit" +
                        (override.empty() ? std::string() : " (" + override + " runs it anyway)"));
    if (need.total() > available)
        std::cerr << "rlhf: warning: " << what << " may need up to " << model::gibibytes(need.total()) << " (" << parts(need) << ") and "
                  << model::gibibytes(available) << " are free: with long sequences it will not fit (lower batch_size or max_length)\n";
}

void checkInferenceMemory(const std::string& dir, model::StageSize size, bool onGpu, const std::string& what) {
    model::StageMemory need;
    try {
        const auto shape = model::modelShapeOf(dir);
        size.sequence = std::min(size.sequence, shape.context);
        need = model::estimateStageMemory(shape, size);
    } catch (const std::exception&) {
        return;
    }
    checkStageMemory(need, what, onGpu, false);
}

void addEstimateCommand(CLI::App& app) {
    auto o = std::make_shared<EstimateOptions>();
    CLI::App* cmd = app.add_subcommand("estimate", engineCommandDescription("estimate"));
    cmd->add_option("--model", o->model, "Model directory (its config.json is all that is read)")->required();
    cmd->add_option("--stage", o->stage, "sft, rm, dpo, ppo, pretrain, chat, generate or score")
        ->required()
        ->check(CLI::IsMember({"sft", "rm", "dpo", "ppo", "pretrain", "chat", "generate", "score"}));
    cmd->add_option("--reward-model", o->rewardModel, "ppo: the reward model directory (the value model starts from it)");
    cmd->add_option("--batch-size", o->batch, "Sequences per micro-batch (DPO: pairs; PPO: rollouts; default: the stage's)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--sequence", o->sequence,
                    "Tokens per sequence (default: the model's context less the new tokens; ppo: prompts of at most "
                    "max_prompt_length, 1024; chat: the conversation it keeps less the reply)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--new-tokens", o->newTokens,
                    "chat, generate, ppo: tokens generated (default 64; ppo: its response_length; chat: half the conversation "
                    "it keeps, the model's context, up to 4096 tokens for the Llama family, 4096 for a Mamba, and at most that)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--precision", o->precision,
                    "fp32, bf16 or auto (training stages: bf16 autocast; chat, generate, score: a Llama-family model's bf16 "
                    "weights). Default: what the stage's command runs in here (auto for training and chat, fp32 for "
                    "generate and score)")
        ->check(CLI::IsMember({"fp32", "bf16", "auto"}));
    cmd->add_flag("--json", o->json, "JSON output (bytes; default: text)");
    cmd->callback([o] { runEstimate(*o); });
}

}  // namespace rlhf::cli
