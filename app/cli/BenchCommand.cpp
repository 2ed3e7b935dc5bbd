#include "BenchCommand.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include <torch/torch.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "model/GenerationTiming.h"
#include "model/LlamaBench.h"
#include "model/MemoryEstimate.h"
#include "train/LlamaTrainBench.h"
#include "EngineCommands.h"
#include "RankingBench.h"
#include "ScratchDirectory.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "DeviceOption.h"
#include "data/ProjectStore.h"
#include "data/SyntheticHh.h"
#include "model/cpu/SimdWidth.h"
#include "train/GptBench.h"
#include "train/PpoBench.h"
#include "train/PreferenceBench.h"

namespace rlhf::cli {

namespace {

// The published 1966 conversation's inputs, replayed on one engine (one thread) for `seconds`.
void benchEliza(double seconds) {
    static const char* inputs[] = {
        "Men are all alike.", "They're always bugging us about something or other.",
        "Well, my boyfriend made me come here.", "He says I'm depressed much of the time.",
        "It's true. I am unhappy.", "I need some help, that much seems certain.",
        "Perhaps I could learn to get along with my mother.", "My mother takes care of me.", "My father.",
        "You are like my father in some ways.",
        "You are not very aggressive but I think you don't want me to notice that.",
        "You don't argue with me.", "You are afraid of me.", "My father is afraid of everybody.", "Bullies."};
    eliza::ElizaEngine engine(eliza::parseBuiltinScript("doctor-1966"));
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    size_t replies = 0;
    size_t chars = 0;
    double elapsed = 0;
    while (elapsed < seconds) {
        for (const char* input : inputs) chars += engine.reply(input).size();
        replies += std::size(inputs);
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    printJsonLine({{"eliza_replies_per_s", replies / elapsed}, {"replies", replies}, {"seconds", elapsed},
                   {"reply_chars", chars}});
}

// "16,64,256" -> {16, 64, 256}; UserError naming --contexts otherwise.
std::vector<int64_t> parseContexts(const std::string& text) {
    std::vector<int64_t> contexts;
    for (const auto& item : commaList(text)) {
        size_t used = 0;
        long long n = 0;
        try {
            n = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size() || n < 2 || n > (1 << 20)) throw UserError("--contexts: '" + item + "' is not a context length");
        contexts.push_back(n);
    }
    if (contexts.empty()) throw UserError("--contexts: none given (give them as 16,64,256)");
    return contexts;
}

void addGenerationTimingBench(CLI::App* bench) {
    struct Flags {
        std::string model, contexts = "64,256,1024,4096", device = "cpu";
        model::GenerationTimingOptions timing;
        int threads = 0;
    };
    auto f = std::make_shared<Flags>();
    CLI::App* cmd = bench->add_subcommand("generation", "Generation time per token against context length for a model directory "
                                                        "(attention grows with the context, Mamba's recurrent step does not)");
    cmd->add_option("--model", f->model, "Model directory (GPT-2, Llama, Qwen2 or Mamba)")->required();
    cmd->add_option("--contexts", f->contexts, "Context lengths to time at (default 64,256,1024,4096)");
    cmd->add_option("--window", f->timing.window, "Tokens averaged per point (default 32)")->check(CLI::Range(1, 4096));
    cmd->add_option("--rounds", f->timing.rounds, "Timed rounds after a warm-up (default 3; medians)")->check(CLI::Range(1, 100));
    addDeviceOption(cmd, f->device);
    cmd->add_option("--threads", f->threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json")->description("JSON output (the default)");
    cmd->callback([f] {
        f->timing.contexts = parseContexts(f->contexts);
        const auto timing = model::timeGenerationAgainstContext(f->model, f->timing, resolveDevice(f->device, f->threads));
        printJsonLine(timing.toJson(f->timing.window));
    });
}

struct ImportBenchOptions {
    int64_t pairs = 100000;
    std::string file;  // instead of a synthetic file
};

// Imports `file` (or a synthetic HH file of `pairs` lines) into a new project in a temporary directory:
// the whole import as `rlhf import` runs it (parse, validate, deduplicate, split, FTS index, commit).
void benchImport(const ImportBenchOptions& o) {
    namespace fs = std::filesystem;
    const ScratchDirectory scratch("import");
    const fs::path& dir = scratch.path();
    const std::string input = o.file.empty() ? (dir / "hh.jsonl").string() : o.file;
    if (o.file.empty()) data::writeSyntheticHh(input, o.pairs, 0);
    const auto started = std::chrono::steady_clock::now();
    const auto report = data::ProjectStore::open((dir / "bench.rlhf").string(), true)->importFile(input, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    printJsonLine({{"records", report.records}, {"pairs", report.pairs}, {"file_bytes", fs::file_size(input)},
                   {"seconds", seconds}, {"pairs_per_s", static_cast<double>(report.pairs) / seconds},
                   {"records_per_s", static_cast<double>(report.records) / seconds}});
}

struct GptBenchOptions {
    std::string preset = "small";
    std::string device = "cpu";
    int threads = 0;
    std::string precision = "auto";
    bool phases = false;
};

// What every GPT bench line starts with: the preset and where it ran, with the CPU kernels' vector width
// on the CPU (RLHF_CPU_VECTORS can narrow it; numbers from different widths do not compare).
nlohmann::json benchHeader(const GptBenchOptions& o, const torch::Device& device) {
    nlohmann::json out = {{"preset", o.preset}, {"device", device.str()}, {"threads", torch::get_num_threads()}};
    if (device.is_cpu()) out["cpu_vectors"] = model::simd::widthName(model::simd::width());
    return out;
}

void benchTrain(const GptBenchOptions& o) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    const auto preset = train::benchPreset(o.preset, device);
    // py_gpt_baseline.py's step counts on the CPU; on CUDA more, since a gpt2 step takes milliseconds there.
    const bool big = o.preset == "gpt2" && !device.is_cuda();
    const int steps = device.is_cuda() ? 20 : big ? 3 : 10, warmup = device.is_cuda() ? 5 : big ? 1 : 2;
    const auto precision = train::parsePrecision(o.precision, device);
    const auto r = train::benchTraining(preset, device, steps, warmup, precision, o.phases ? 3 : 0);
    nlohmann::json out = benchHeader(o, device);
    out.update({{"precision", train::precisionName(precision)}, {"train_tokens_per_s", r.tokensPerSecond},
                {"last_loss", r.lastLoss}, {"steps", steps}, {"cuda_graph", r.cudaGraph}});
    if (r.phaseMilliseconds) {
        const auto& p = *r.phaseMilliseconds;
        out["phase_ms"] = {{"forward", p.forward}, {"loss", p.loss}, {"backward", p.backward}, {"optimizer", p.optimizer}};
    } else if (o.phases) {
        out["phase_ms"] = nullptr;  // a CUDA graph step has no phases to time apart
    }
    printJsonLine(out);
}

void benchGenerate(const GptBenchOptions& o) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    const auto r = train::benchGeneration(train::benchPreset(o.preset, device), device);
    nlohmann::json out = benchHeader(o, device);
    out["generate_b1_tokens_per_s"] = r.batch1TokensPerSecond;
    out["generate_b" + std::to_string(r.largeBatch) + "_tokens_per_s"] = r.batch8TokensPerSecond;
    printJsonLine(out);
}

// rlhf bench dpo|rm: pairs per second as py_pref_baseline.py measures them (PRESET, threads, pairs per step).
void benchPreference(const GptBenchOptions& o, const std::string& stage, int pairsPerStep) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    const auto preset = train::benchPreset(o.preset, device);
    const bool big = o.preset == "gpt2" && !device.is_cuda();  // py_pref_baseline.py's step counts
    const int steps = device.is_cuda() ? 20 : big ? 2 : 6, warmup = device.is_cuda() ? 5 : 1;
    const auto precision = train::parsePrecision(o.precision, device);
    const auto r = stage == "dpo" ? train::benchDpo(preset, device, pairsPerStep, steps, warmup, precision)
                                  : train::benchRewardModel(preset, device, pairsPerStep, steps, warmup, precision);
    nlohmann::json out = benchHeader(o, device);
    out.update({{"precision", train::precisionName(precision)}, {"pairs_per_step", pairsPerStep},
                {stage == "dpo" ? "dpo_pairs_per_s" : "rm_pairs_per_s", r.pairsPerSecond}, {"last_loss", r.lastLoss}, {"steps", steps}});
    printJsonLine(out);
}

struct PpoBenchFlags {
    int rollout = 0, responseLength = 0, steps = 0;  // 0: the preset's default (ppoBenchDefaults)
};

// rlhf bench ppo: a PPO step's seconds and their split (generation, scoring, update) on random models.
void benchPpo(const GptBenchOptions& o, const PpoBenchFlags& flags) {
    const torch::Device device = resolveDevice(o.device, o.threads);
    const auto preset = train::benchPreset(o.preset, device);
    auto options = train::ppoBenchDefaults(o.preset, device);
    if (flags.rollout > 0) options.rollout = flags.rollout;
    if (flags.responseLength > 0) options.responseLength = flags.responseLength;
    if (flags.steps > 0) options.steps = flags.steps;
    options.miniBatch = std::min(options.miniBatch, options.rollout);
    options.precision = o.precision;
    const ScratchDirectory scratch("ppo");
    const auto r = train::benchPpo(preset, device, options, scratch.path().string());
    nlohmann::json out = benchHeader(o, device);
    out.update({{"precision", train::precisionName(train::parsePrecision(o.precision, device))}, {"rollout", options.rollout},
                {"prompt_tokens", options.promptTokens}, {"response_length", options.responseLength},
                {"mini_batch", options.miniBatch}, {"ppo_epochs", options.ppoEpochs}, {"steps", options.steps},
                {"step_s", r.stepSeconds}, {"generation_s", r.generationSeconds}, {"scoring_s", r.scoringSeconds},
                {"update_s", r.updateSeconds}, {"generation_share", r.generationSeconds / r.stepSeconds},
                {"mean_response_tokens", r.responseTokens}, {"updates_per_step", r.updates}});
    printJsonLine(out);
}

// `rlhf bench llama`: LlamaBench's inference rounds, then LlamaTrainBench's fine-tuning steps.
void addLlamaBench(CLI::App* bench) {
    auto llama = std::make_shared<model::LlamaBenchOptions>();
    auto device = std::make_shared<std::string>("cpu");
    auto threads = std::make_shared<int>(0);
    auto precision = std::make_shared<std::string>("fp32");
    CLI::App* cmd = bench->add_subcommand("llama", "A random Llama-family model of a real shape: prefill, decode and scoring "
                                                   "tokens per second, peak memory (as bench/py_llama_baseline.py)");
    cmd->add_option("--preset", llama->preset, "tiny, smollm-135m or qwen2-0.5b (default)")
        ->check(CLI::IsMember({"tiny", "smollm-135m", "qwen2-0.5b"}));
    cmd->add_option("--prompt-tokens", llama->promptTokens, "Prompt of the prefill (default 128)")->check(greaterThanZero());
    cmd->add_option("--new-tokens", llama->newTokens, "Tokens decoded one at a time (default 32)")->check(greaterThanZero());
    cmd->add_option("--score-tokens", llama->scoreTokens, "Tokens of the scored sequence (default 256)")->check(CLI::Range(2, 1 << 20));
    cmd->add_option("--train-tokens", llama->trainTokens, "Sequence of each fine-tuning step (default 128; 0: no training)")
        ->check(CLI::Range(0, 1 << 20));
    auto* precisionOption = cmd->add_option("--precision", *precision,
                    "fp32 (default); bf16: bf16 weights for the inference rounds, bf16 autocast for the training steps (as "
                    "py_llama_baseline.py PRESET THREADS bf16); auto: bf16 on GPUs from Ampere on and on CPUs with AVX512-BF16/AMX")
        ->check(CLI::IsMember({"fp32", "bf16", "auto"}));
    cmd->add_flag("--bf16", llama->bf16, "The same as --precision bf16")->excludes(precisionOption);
    cmd->add_option("--rounds", llama->rounds, "Timed rounds after a warm-up (default 3; medians)")->check(greaterThanZero());
    addDeviceOption(cmd, *device);
    cmd->add_option("--threads", *threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json")->description("JSON output (the default)");
    cmd->callback([llama, device, threads, precision] {
        const torch::Device on = resolveDevice(*device, *threads);
        llama->bf16 = llama->bf16 || train::parsePrecision(*precision, on) == train::Precision::Bf16;
        auto result = model::runLlamaBench(*llama, on);
        if (llama->trainTokens > 0) {  // after the inference rounds, whose model is gone: the peak is training's
            result["train_tokens_per_s"] =
                train::llamaTrainTokensPerSecond(model::llamaBenchPreset(llama->preset), llama->trainTokens, llama->rounds, on,
                                                 llama->bf16 ? train::Precision::Bf16 : train::Precision::Fp32);
            result["peak_rss_gib"] = model::peakResidentGib();
            const auto sft = model::estimateStageMemory(model::modelShapeOf(model::llamaBenchPreset(llama->preset)),
                                                        {"sft", 1, 0, llama->trainTokens, 0, llama->bf16});
            result["estimated_sft_gib"] = sft.total() / (1024.0 * 1024.0 * 1024.0);
        }
        printJsonLine(result);
    });
}

// `rlhf bench ppo`: PpoBench's steps on random models of a GPT preset.
void addPpoBench(CLI::App* bench, const std::shared_ptr<GptBenchOptions>& gpt) {
    auto ppo = std::make_shared<PpoBenchFlags>();
    CLI::App* ppoBench = bench->add_subcommand("ppo", "A PPO step's seconds: generation, scoring and update, on random models");
    ppoBench->add_option("--preset", gpt->preset, "tiny, small or gpt2")->check(CLI::IsMember({"tiny", "small", "gpt2"}));
    ppoBench->add_option("--rollout", ppo->rollout, "Prompts rolled out per step (default: the preset's)")->check(greaterThanZero());
    ppoBench->add_option("--response-length", ppo->responseLength, "New tokens per rollout at most (default: the preset's)")
        ->check(greaterThanZero());
    ppoBench->add_option("--steps", ppo->steps, "Timed steps after one warm-up step (default: the preset's)")->check(greaterThanZero());
    ppoBench->add_option("--precision", gpt->precision, "fp32, bf16 (autocast) or auto")->check(CLI::IsMember({"fp32", "bf16", "auto"}));
    addDeviceOption(ppoBench, gpt->device);
    ppoBench->add_option("--threads", gpt->threads, "LibTorch intra-op threads (default: all cores)");
    ppoBench->add_flag("--json")->description("JSON output (the default)");
    ppoBench->callback([gpt, ppo] { benchPpo(*gpt, *ppo); });
}

}  // namespace

void addBenchCommand(CLI::App& app) {
    CLI::App* bench = app.add_subcommand("bench", engineCommandDescription("bench"));
    bench->require_subcommand(1);
    auto seconds = std::make_shared<double>(3.0);
    CLI::App* eliza = bench->add_subcommand("eliza", "ELIZA replies per second on one thread (DOCTOR 1966)");
    eliza->add_option("--seconds", *seconds, "How long to run")->check(greaterThanZero());
    eliza->add_flag("--json")->description("JSON output (the default)");
    eliza->callback([seconds] { benchEliza(*seconds); });

    auto import = std::make_shared<ImportBenchOptions>();
    auto rankingItems = std::make_shared<int64_t>(100000);
    auto rankingJudgements = std::make_shared<int>(500);
    CLI::App* ranking = bench->add_subcommand("ranking", "The Ranking panel's wait per item: commit a judgement, query the next item");
    ranking->add_option("--items", *rankingItems, "Items in the project (default 100000)")->check(greaterThanZero());
    ranking->add_option("--judgements", *rankingJudgements, "Judgements to time (default 500)")->check(greaterThanZero());
    ranking->callback([rankingItems, rankingJudgements] { benchRanking(*rankingItems, *rankingJudgements); });
    CLI::App* importBench = bench->add_subcommand("import", "Import pairs per second into a new project (open, import, commit, close)");
    importBench->add_option("--pairs", import->pairs, "Lines of the synthetic HH-RLHF file (default 100000)")->check(CLI::Range(int64_t(1), int64_t(100000000)));
    importBench->add_option("--file", import->file, "Import this JSON-lines file instead")->check(CLI::ExistingFile);
    importBench->add_flag("--json")->description("JSON output (the default)");
    importBench->callback([import] { benchImport(*import); });

    auto gpt = std::make_shared<GptBenchOptions>();
    for (const char* name : {"train", "generate"}) {
        CLI::App* cmd = bench->add_subcommand(name, std::string("GPT ") + name + " tokens per second (as py_gpt_baseline.py)");
        cmd->add_option("--preset", gpt->preset, "tiny, small or gpt2")->check(CLI::IsMember({"tiny", "small", "gpt2"}));
        addDeviceOption(cmd, gpt->device);
        cmd->add_option("--threads", gpt->threads, "LibTorch intra-op threads (default: all cores)");
        cmd->add_flag("--json")->description("JSON output (the default)");
    }
    bench->get_subcommand("train")
        ->add_option("--precision", gpt->precision, "fp32, bf16 (autocast) or auto (bf16 on GPUs from Ampere on and on CPUs with AVX512-BF16/AMX, else fp32)")
        ->check(CLI::IsMember({"fp32", "bf16", "auto"}));
    bench->get_subcommand("train")->add_flag("--phases", gpt->phases,
                                             "Also time forward, loss, backward and optimizer (ms per step, synchronised)");
    bench->get_subcommand("train")->callback([gpt] { benchTrain(*gpt); });
    bench->get_subcommand("generate")->callback([gpt] { benchGenerate(*gpt); });

    auto pairs = std::make_shared<int>(4);
    for (const std::string stage : {"dpo", "rm"}) {
        CLI::App* cmd = bench->add_subcommand(stage, stage == "dpo" ? "DPO pairs per second: policy and reference (as py_pref_baseline.py)"
                                                                   : "Reward-model pairs per second (as py_pref_baseline.py)");
        cmd->add_option("--preset", gpt->preset, "tiny, small or gpt2")->check(CLI::IsMember({"tiny", "small", "gpt2"}));
        cmd->add_option("--pairs", *pairs, "Pairs per step (default 4, as the baseline)")->check(greaterThanZero());
        cmd->add_option("--precision", gpt->precision, "fp32, bf16 (autocast) or auto")->check(CLI::IsMember({"fp32", "bf16", "auto"}));
        addDeviceOption(cmd, gpt->device);
        cmd->add_option("--threads", gpt->threads, "LibTorch intra-op threads (default: all cores)");
        cmd->add_flag("--json")->description("JSON output (the default)");
        cmd->callback([gpt, pairs, stage] { benchPreference(*gpt, stage, *pairs); });
    }

    addLlamaBench(bench);
    addGenerationTimingBench(bench);

    addPpoBench(bench, gpt);
}

}  // namespace rlhf::cli
