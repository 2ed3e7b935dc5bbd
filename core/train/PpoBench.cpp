#include "train/PpoBench.h"

#include <filesystem>
#include <random>
#include <stdexcept>

#include <torch/torch.h>

#include "model/Gpt2Model.h"
#include "model/HfCheckpoint.h"
#include "text/Tokenizer.h"
#include "text/Utf8.h"
#include "train/PpoRun.h"

namespace rlhf::train {

namespace {

// Ids 0–255 the bytes, 256 … V−2 filler tokens no text encodes to, V−1 <|endoftext|> (the preset's EOS).
text::Tokenizer benchTokenizer(int vocabSize) {
    std::unordered_map<std::string, int> vocab;
    for (int b = 0; b < 256; ++b) {
        std::string symbol;
        text::appendUtf8(symbol, text::byteToCodePoint()[static_cast<size_t>(b)]);
        vocab[symbol] = b;
    }
    for (int id = 256; id < vocabSize - 1; ++id) vocab["<|bench_" + std::to_string(id) + "|>"] = id;
    vocab[text::ByteLevelBpe::kEndOfText] = vocabSize - 1;
    std::vector<text::AddedToken> added{{text::ByteLevelBpe::kEndOfText}};
    added.front().special = true;
    return text::ByteLevelBpe(std::move(vocab), {}, std::move(added), "bench tokenizer");
}

// `count` prompts of exactly `tokens` lowercase letters (one token each), seeded.
std::vector<std::string> benchPrompts(int count, int tokens) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> letter('a', 'z');
    std::vector<std::string> prompts(static_cast<size_t>(count));
    for (auto& p : prompts)
        for (int i = 0; i < tokens; ++i) p += static_cast<char>(letter(random));
    return prompts;
}

void writeModels(const model::Gpt2Config& c, const std::string& policyDir, const std::string& rewardDir) {
    const auto tokenizer = benchTokenizer(static_cast<int>(c.vocabSize));
    torch::manual_seed(0);
    model::Gpt2Model policy(c);
    model::saveCheckpoint(policyDir, policy, &tokenizer);
    torch::manual_seed(1);
    model::Gpt2Model reward(c);
    const auto head = torch::randn({1, c.nEmbd}) * 0.02;
    model::saveCheckpoint(rewardDir, reward, &tokenizer, head);
}

}  // namespace

PpoBenchOptions ppoBenchDefaults(const std::string& preset, const torch::Device& device) {
    PpoBenchOptions o;
    if (preset == "small") {
        o.rollout = 8;
        o.promptTokens = o.responseLength = 64;
    } else if (preset == "gpt2") {
        o.rollout = device.is_cuda() ? 64 : 4;
        o.promptTokens = o.responseLength = device.is_cuda() ? 128 : 64;
        o.miniBatch = device.is_cuda() ? 16 : 4;
        o.steps = device.is_cuda() ? 3 : 1;
    }
    return o;
}

PpoBenchResult benchPpo(const BenchPreset& preset, const torch::Device& device, const PpoBenchOptions& o, const std::string& workDir) {
    const auto& c = preset.config;
    if (o.promptTokens < 1 || o.promptTokens + o.responseLength > c.nPositions)
        throw std::invalid_argument("a prompt of " + std::to_string(o.promptTokens) + " tokens and a response of " +
                                    std::to_string(o.responseLength) + " do not fit the context of " + std::to_string(c.nPositions));
    namespace fs = std::filesystem;
    const std::string policyDir = workDir + "/policy", rewardDir = workDir + "/reward", runDir = workDir + "/run";
    fs::remove_all(runDir);
    writeModels(c, policyDir, rewardDir);
    PpoConfig config;
    config.model = policyDir;
    config.rewardModel = rewardDir;
    config.responseLength = o.responseLength;
    config.rolloutBatch = o.rollout;
    config.miniBatch = o.miniBatch;
    config.ppoEpochs = o.ppoEpochs;
    config.maxSteps = o.warmup + o.steps;
    config.evalEvery = 0;
    config.precision = o.precision;
    auto run = PpoRun::create(runDir, config, benchPrompts(o.rollout * config.maxSteps, o.promptTokens), {}, device);
    PpoBenchResult r;
    int timed = 0;
    const auto result = run->run(nullptr, [&](const StepStats& s) {
        if (s.step <= o.warmup) return;
        const auto& v = s.values;
        r.stepSeconds += v.at("time/step_s");
        r.generationSeconds += v.at("time/generation_s");
        r.scoringSeconds += v.at("time/scoring_s");
        r.updateSeconds += v.at("time/update_s");
        r.responseTokens += v.at("response_length");
        const double batches = o.ppoEpochs * ((o.rollout + o.miniBatch - 1) / o.miniBatch);
        r.updates += batches - v.at("policy/skipped_batches");
        ++timed;
    });
    if (!result.error.empty() || timed == 0)
        throw std::runtime_error("the PPO bench ended before its timed steps: " + (result.error.empty() ? "no step was timed" : result.error));
    for (double* mean : {&r.stepSeconds, &r.generationSeconds, &r.scoringSeconds, &r.updateSeconds, &r.responseTokens, &r.updates})
        *mean /= timed;
    return r;
}

}  // namespace rlhf::train
