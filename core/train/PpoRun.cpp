#include "train/PpoRun.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>

#include <torch/torch.h>

#include "chat/InstructFormat.h"
#include "model/CausalLmGeneration.h"
#include "model/Scoring.h"
#include "train/GradientClipping.h"
#include "train/ResponseRows.h"
#include "train/SplitRows.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {

const char* kPromptsFile = "prompts.jsonl";
const char* kSamplesFile = "samples.jsonl";  // two rollouts of each step
const char* kPtxFile = "ptx.txt";            // the pretraining text of PPO-ptx

nlohmann::json promptJson(const std::string& p) { return {{"prompt", p}}; }
std::string promptFrom(const nlohmann::json& j) { return j.at("prompt").get<std::string>(); }

model::LoadedCausalLm loadRewardModel(const std::string& dir, const torch::Device& device) {
    auto loaded = model::loadCausalLm(dir, device);
    if (!loaded.score.defined() || loaded.score.size(0) != 1)
        throw std::invalid_argument(dir + ": not a reward model (no score.weight of one label; train one with rlhf train rm)");
    return loaded;
}

void freeze(model::CausalLm& m) {
    m.module().eval();
    for (auto& p : m.module().parameters()) p.set_requires_grad(false);
}

}  // namespace

// Rows prompt + response, right-padded with the end id: full [B,L]; per response token the input position
// that predicts it (prompt length − 1 + j) and a 1 in the mask; last [B], the last position the reward
// model may read its score at (model::lastNotPadding takes the last that is not its pad id there), as it learned its pairs (ResponseEncoding::scored) and as `rlhf reward` and `rlhf eval` score a
// response: in a chat template the end-of-turn token that ended the response, in plain text the
// response's last token before its EOS. rewardIds (templated rows only; else the reward model reads full)
// has the end-of-turn id where a response stopped at another EOS id, as the template renders a reply.
PpoRun::Rollouts PpoRun::rolloutRows(const std::vector<std::vector<int>>& prompts, const std::vector<model::Completion>& completions,
                                     torch::Tensor& endsWithEos) const {
    std::vector<std::vector<int>> rows;
    int64_t R = 1;
    for (size_t b = 0; b < prompts.size(); ++b) {
        rows.push_back(prompts[b]);
        rows.back().insert(rows.back().end(), completions[b].ids.begin(), completions[b].ids.end());
        R = std::max<int64_t>(R, static_cast<int64_t>(completions[b].ids.size()));
    }
    auto padded = padRows(rows, encoding_.endId);
    Rollouts r;
    r.full = padded.ids;
    r.last = padded.last;
    r.responseIndex = torch::zeros({r.full.size(0), R}, torch::kLong);
    r.mask = torch::zeros({r.full.size(0), R}, torch::kFloat32);
    for (int64_t b = 0; b < r.full.size(0); ++b) {
        const auto& c = completions[static_cast<size_t>(b)];
        const auto promptLength = static_cast<int64_t>(prompts[static_cast<size_t>(b)].size());
        for (int64_t j = 0; j < static_cast<int64_t>(c.ids.size()); ++j) {
            r.responseIndex[b][j] = promptLength + j - 1;
            r.mask[b][j] = 1;
        }
        endsWithEos[b] = c.endedWithEos;
        if (c.endedWithEos && !encoding_.format) r.last[b] -= 1;  // an empty response: the prompt's last token, as for an empty text
    }
    if (encoding_.format) {  // a reply that stopped at another EOS id is read closed by the end-of-turn token, as rendered
        r.rewardIds = r.full.clone();
        for (int64_t b = 0; b < r.full.size(0); ++b)
            if (completions[static_cast<size_t>(b)].endedWithEos) r.rewardIds[b][r.last[b].item<int64_t>()] = encoding_.endId;
    }
    return r;
}

PpoRun::PpoRun(const std::string& runDir, PpoConfig config, const torch::Device& device)
    : config_(std::move(config)), device_(device), precision_(parsePrecision(config_.precision, device)), progress_(runDir),
      kl_(config_.klCoef, config_.klTarget > 0 ? config_.klTarget : 1.0, config_.klHorizon) {}

std::unique_ptr<PpoRun> PpoRun::create(const std::string& runDir, const PpoConfig& config,
                                       const std::vector<std::string>& trainPrompts,
                                       const std::vector<std::string>& validationPrompts, const torch::Device& device) {
    RunDirectory(runDir).refuseExistingRun();
    if (trainPrompts.empty()) throw std::invalid_argument("no prompts in the train split to roll out");
    auto run = std::unique_ptr<PpoRun>(new PpoRun(runDir, config, device));
    run->loadModels(config.model, config.rewardModel);
    run->preparePrompts(trainPrompts, validationPrompts);
    fs::create_directories(runDir);
    writeSplitRows(run->progress_.dir, kPromptsFile, trainPrompts, validationPrompts, &promptJson);
    run->progress_.dir.writeConfig(run->config_.toJson());
    return run;
}

std::unique_ptr<PpoRun> PpoRun::resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps) {
    RunDirectory dir(runDir);
    const nlohmann::json saved = dir.readConfig();
    PpoConfig config = PpoConfig::fromJson(saved, runDir + "/config.json");
    if (!saved.contains("max_prompt_length")) config.maxPromptLength = 1 << 20;  // recorded before the bound: its prompts as they were
    if (maxSteps > 0) config.maxSteps = maxSteps;
    const std::string checkpoint = dir.checkpointToResume();
    const auto prompts = readSplitRows(dir, kPromptsFile, &promptFrom);
    auto run = std::unique_ptr<PpoRun>(new PpoRun(runDir, config, device));
    run->loadModels(checkpoint, checkpoint + "/value");
    run->preparePrompts(prompts.first, prompts.second);
    const TrainerState state = run->progress_.restore(checkpoint);
    run->kl_ = AdaptiveKlController(state.extra.value("beta", config.klCoef), config.klTarget > 0 ? config.klTarget : 1.0,
                                    config.klHorizon);
    if (maxSteps > 0) run->progress_.dir.writeConfig(config.toJson());
    if (fs::exists(fs::path(runDir) / kSamplesFile)) {  // the steps after the checkpoint run again: their samples go
        auto samples = dir.readRows(kSamplesFile);
        std::erase_if(samples, [&](const nlohmann::json& row) { return row.value("step", int64_t(0)) > state.step; });
        dir.writeRows(kSamplesFile, samples);
    }
    return run;
}

// The policy (from policyDir) and the value model (valueDir: a reward model's backbone and head) are
// trained; the reference (config.model) and the reward model (config.reward_model) are frozen.
void PpoRun::loadModels(const std::string& policyDir, const std::string& valueDir) {
    auto policy = model::loadLanguageModel(policyDir, device_);
    policy_ = std::make_unique<model::CausalLm>(std::move(policy.model));
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(*policy.tokenizer));
    encoding_ = responseEncodingFor(policyDir, *tokenizer_, policy_->eosTokenId());
    if (encoding_.format) stopIds_ = chat::endOfTurnIds(*encoding_.format, *tokenizer_);
    reference_ = std::make_unique<model::CausalLm>(model::loadLanguageModel(config_.model, device_).model);
    freeze(*reference_);
    auto reward = loadRewardModel(config_.rewardModel, device_);
    reward_ = std::make_unique<model::CausalLm>(std::move(reward.model));
    rewardHead_ = reward.score.to(torch::kFloat32);
    freeze(*reward_);
    auto value = loadRewardModel(valueDir, device_);
    value_ = std::make_unique<model::CausalLm>(std::move(value.model));
    valueHead_ = value.score.to(torch::kFloat32).clone().set_requires_grad(true);
    checkModelsFit();
    checkRewardEncoding(responseEncodingFor(config_.rewardModel, *reward.tokenizer, reward_->eosTokenId()), *reward.tokenizer);
    progress_.optimizer = std::make_unique<AdamW>(trainedParameters(), AdamWOptions{config_.lr, 0.9, 0.999, 1e-8, config_.weightDecay});
}

// The reward and value models read the policy's ids: the same vocabulary.
void PpoRun::checkModelsFit() const {
    const int64_t vocab = policy_->vocabSize();
    if (const auto mismatch = rewardVocabularyMismatch(vocab, reward_->vocabSize())) throw std::invalid_argument(config_.rewardModel + ": " + *mismatch);
    if (value_->vocabSize() != vocab || value_->hiddenSize() != valueHead_.size(1))
        throw std::invalid_argument("the value model's vocabulary or hidden size does not fit the policy or its head");
}

// The reward model must read a prompt and response as the policy's rows hold them: the same template,
// system prompt, BOS and end id, checked on a probe exchange.
void PpoRun::checkRewardEncoding(const ResponseEncoding& rewardEncoding, const text::Tokenizer& rewardTokenizer) const {
    if (const auto mismatch = rewardReadingMismatch(encoding_, *tokenizer_, rewardEncoding, rewardTokenizer))
        throw std::invalid_argument(config_.rewardModel + ": " + *mismatch);
}

// The longest sequence every model takes (nullopt: none has a limit, as with a Mamba policy alone).
std::optional<int64_t> PpoRun::sharedContext() const {
    std::optional<int64_t> context;
    for (const auto* m : {policy_.get(), reward_.get(), value_.get()})
        if (const auto limit = m->contextLimit()) context = std::min(context.value_or(*limit), *limit);
    return context;
}

// Prompts of at most max_prompt_length tokens (in the policy's ResponseEncoding) that leave room for
// response_length tokens in every model's context, tokenised.
std::vector<std::vector<int>> PpoRun::fittingPrompts(const std::vector<std::string>& texts, std::vector<std::string>* kept,
                                                     int64_t* skipped) const {
    const auto context = sharedContext();
    std::vector<std::vector<int>> out;
    for (const auto& text : texts) {
        auto ids = encoding_.prompt(*tokenizer_, text);
        const auto length = static_cast<int64_t>(ids.size());
        if (ids.empty() || length > config_.maxPromptLength || (context && length + config_.responseLength > *context)) {
            if (skipped) ++*skipped;
            continue;
        }
        out.push_back(std::move(ids));
        if (kept) kept->push_back(text);
    }
    return out;
}

void PpoRun::preparePrompts(const std::vector<std::string>& train, const std::vector<std::string>& validation) {
    prompts_ = fittingPrompts(train, &promptTexts_, &skipped_);
    if (prompts_.empty()) {
        const auto context = sharedContext();
        throw std::invalid_argument("no train prompt has at most max_prompt_length " + std::to_string(config_.maxPromptLength) +
                                    " tokens" + (context ? " and leaves room for response_length " + std::to_string(config_.responseLength) +
                                                               " tokens in the context of " + std::to_string(*context)
                                                         : std::string()));
    }
    progress_.order = std::make_unique<EpochOrder>(prompts_.size(), config_.seed);
    validationPrompts_ = fittingPrompts(validation, nullptr, nullptr);
    if (validationPrompts_.size() > static_cast<size_t>(config_.evalPrompts)) validationPrompts_.resize(static_cast<size_t>(config_.evalPrompts));
    if (config_.ptxCoef > 0)
        ptx_ = std::make_unique<PretrainingMix>(progress_.dir.path() + "/" + kPtxFile, *tokenizer_,
                                                std::min<int64_t>(128, sharedContext().value_or(129) - 1));
}

std::vector<torch::Tensor> PpoRun::trainedParameters() {
    auto parameters = policy_->module().parameters();
    for (const auto& p : value_->module().parameters()) parameters.push_back(p);
    parameters.push_back(valueHead_);
    return parameters;
}

void PpoRun::saveCheckpoint(int64_t step) {
    TrainerState state = progress_.stateAt(step);
    state.extra["beta"] = kl_.beta();
    const auto writeModel = [this](const std::string& dir) { policy_->save(dir, tokenizer_.get()); };
    progress_.checkpointWritten(step, progress_.dir.saveCheckpointWith(writeModel, state, [this](const std::string& dir) {
        value_->save(dir + "/value", tokenizer_.get(), valueHead_.detach(), encoding_.format ? encoding_.endId : -1);
        encoding_.keepTemplateIn(dir);
        encoding_.keepTemplateIn(dir + "/value");
    }));
}

LoopResult PpoRun::run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats) {
    std::function<std::map<std::string, double>()> evaluate;
    if (!validationPrompts_.empty()) evaluate = [this] { return this->evaluate(); };
    return progress_.run({config_.maxSteps, config_.evalEvery, config_.checkpointEvery}, [this](int64_t step) { return trainStep(step); },
                         evaluate, [this](int64_t step) { saveCheckpoint(step); }, onStats, stop);
}

torch::Tensor PpoRun::responseLogProbs(model::CausalLm& m, const torch::Tensor& full, const torch::Tensor& responseIndex) {
    AutocastScope autocast(precision_, device_);
    const int64_t L = full.size(1);  // position t of the input predicts full[t + 1]
    return m.targetLogProbs(full.narrow(1, 0, L - 1), full.narrow(1, 1, L - 1), config_.temperature)
        .gather(1, responseIndex);  // [B,R]
}

torch::Tensor PpoRun::responseValues(const torch::Tensor& full, const torch::Tensor& responseIndex) {
    AutocastScope autocast(precision_, device_);
    const auto hidden = value_->hidden(full.narrow(1, 0, full.size(1) - 1));                   // [B,L-1,C]
    const auto values = torch::matmul(hidden.to(torch::kFloat32), valueHead_.t()).squeeze(2);  // [B,L-1]
    return values.gather(1, responseIndex);                                                    // [B,R]
}

// Samples with the policy, then scores without gradients: log-probs (policy, reference), values, the reward
// model's scores at each row's last token; per-token rewards and advantages.
PpoRun::Rollouts PpoRun::rollout(const std::vector<size_t>& picked, int64_t step, std::map<std::string, double>& stats) {
    std::vector<std::vector<int>> prompts;
    for (size_t i : picked) prompts.push_back(prompts_[i]);
    model::SamplingOptions sampling;
    sampling.maxNewTokens = config_.responseLength;
    sampling.temperature = config_.temperature;
    sampling.seed = config_.seed * 1000003ULL + static_cast<uint64_t>(step);  // its own per step: resumable
    const auto started = std::chrono::steady_clock::now();
    const auto completions = model::generateEach(*policy_, prompts, sampling, stopIds_);  // ends with the tokens on the CPU
    const auto generated = std::chrono::steady_clock::now();
    stats["time/generation_s"] = std::chrono::duration<double>(generated - started).count();
    Scored scored = score(prompts, completions);
    Rollouts& r = scored.r;
    const auto B = r.full.size(0);
    torch::NoGradGuard noGrad;
    value_->module().eval();
    r.values = responseValues(r.full, r.responseIndex) * r.mask;
    const auto& referenceLogProbs = scored.referenceLogProbs;
    const auto& scores = scored.scores;
    const auto& endsWithEos = scored.endsWithEos;
    const auto rewards = tokenRewards(r.logProbs, referenceLogProbs, scores, endsWithEos, r.mask, kl_.beta(),
                                      config_.missingEosPenalty);
    const auto advantages = generalisedAdvantages(rewards.rewards, r.values, r.mask, config_.gamma, config_.lam);
    r.advantages = advantages.advantages;
    r.returns = advantages.returns;
    const auto perRow = torch::stack({rewards.kl.sum(1), -(r.logProbs).sum(1), rewards.scores, r.mask.sum(1)})
                            .to(torch::kCPU, torch::kFloat64);  // [4,B]: KL, entropy, score, response tokens
    const double kl = perRow[0].mean().item<double>(), scoreMean = perRow[2].mean().item<double>();
    stats["objective/kl"] = kl;
    stats["objective/entropy"] = perRow[1].mean().item<double>();
    stats["objective/non_score_reward"] = -kl_.beta() * kl;
    stats["objective/scores"] = scoreMean;
    stats["objective/rlhf_reward"] = scoreMean - kl_.beta() * kl;
    stats["val/num_eos_tokens"] = endsWithEos.sum().item<double>();  // TRL's name: "val/" is its value-model prefix
    stats["response_length"] = perRow[3].mean().item<double>();  // ours (TRL logs none): mean response tokens
    // Scoring: the policy's, the reference's and the value model's passes and the reward model's (the
    // values read above wait for them on a GPU).
    stats["time/scoring_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - generated).count();
    std::ofstream samples(progress_.dir.path() + "/" + kSamplesFile, std::ios::app);
    for (int64_t b = 0; b < std::min<int64_t>(B, 2); ++b)
        samples << nlohmann::json{{"step", step}, {"prompt", promptTexts_[picked[static_cast<size_t>(b)]]},
                                  {"response", tokenizer_->decodeLossy(completions[static_cast<size_t>(b)].ids, true)},  // no special tokens: as TRL logs samples
                                  {"score", perRow[2][b].item<double>()}, {"kl", perRow[0][b].item<double>()},
                                  {"length", perRow[3][b].item<double>()}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    return r;
}

// ppo_epochs passes over the rollouts in shuffled mini-batches: clipped policy loss + vf_coef × clipped
// value loss, one clipped AdamW update each. Sums stay on the device until the end.
void PpoRun::update(const Rollouts& r, int64_t step, std::map<std::string, double>& stats) {
    const int64_t B = r.full.size(0);
    const double lr = config_.lrSchedule().at(step);
    const auto parameters = trainedParameters();
    std::mt19937_64 shuffler(config_.seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(step));
    std::vector<int64_t> order(static_cast<size_t>(B));
    auto sums = torch::zeros({6}, torch::dtype(torch::kFloat32).device(device_));  // approxkl, clipfrac, pg, vf, vf clipfrac, ratio
    int64_t updates = 0, skipped = 0;
    auto ptxSum = torch::zeros({}, torch::dtype(torch::kFloat32).device(device_));
    policy_->module().train();
    value_->module().train();
    for (int epoch = 0; epoch < config_.ppoEpochs; ++epoch) {
        std::iota(order.begin(), order.end(), int64_t(0));
        std::shuffle(order.begin(), order.end(), shuffler);
        for (int64_t start = 0; start < B; start += config_.miniBatch) {
            const auto idx = torch::tensor(std::vector<int64_t>(order.begin() + start, order.begin() + std::min(B, start + config_.miniBatch)),
                                           torch::kLong).to(device_);
            const auto full = r.full.index_select(0, idx), at = r.responseIndex.index_select(0, idx), mask = r.mask.index_select(0, idx);
            const auto oldLogProbs = r.logProbs.index_select(0, idx);
            const auto logProbs = responseLogProbs(*policy_, full, at);
            const auto difference = (logProbs - oldLogProbs).detach();
            const auto ratio = maskedMean(difference.exp(), mask);
            if (ratio.item<double>() > config_.ratioThreshold) {  // TRL's guard against loss spikes: no update
                ++skipped;
                continue;
            }
            const auto policy = clippedPolicyLoss(logProbs, oldLogProbs, r.advantages.index_select(0, idx), mask, config_.clip);
            const auto value = clippedValueLoss(responseValues(full, at), r.values.index_select(0, idx),
                                                r.returns.index_select(0, idx), mask, config_.valueClip);
            setGradsToNone(parameters);
            auto loss = policy.loss + config_.vfCoef * value.loss;
            if (ptx_) {
                const auto ptx = ptxLoss(step, updates + skipped);
                loss = loss + config_.ptxCoef * ptx;
                ptxSum += ptx.detach();
            }
            loss.backward();
            const auto norm = gradientNorm(parameters);
            progress_.optimizer->step(lr, config_.gradClip > 0 ? clipDivisor(norm, config_.gradClip) : torch::Tensor());
            sums += torch::stack({0.5 * maskedMean(difference.square(), mask), policy.clipFraction, policy.loss.detach(),
                                  value.loss.detach(), value.clipFraction, ratio}).to(torch::kFloat32);
            ++updates;
        }
    }
    stats["policy/skipped_batches"] = static_cast<double>(skipped);  // ours: mini-batches over ratio_threshold
    if (updates == 0) {  // every mini-batch skipped: nothing to average
        stats["lr"] = lr;
        return;
    }
    const auto means = (sums / static_cast<double>(updates)).to(torch::kCPU, torch::kFloat64);
    const char* names[] = {"policy/approxkl_avg", "policy/clipfrac_avg", "loss/policy_avg", "loss/value_avg", "val/clipfrac_avg", "val/ratio"};
    for (int i = 0; i < 6; ++i) stats[names[i]] = means[i].item<double>();
    if (ptx_) stats["loss/ptx_avg"] = ptxSum.item<double>() / static_cast<double>(updates);
    stats["lr"] = lr;
}

StepStats PpoRun::trainStep(int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    std::map<std::string, double> stats;
    const Rollouts r = rollout(progress_.order->next(static_cast<size_t>(config_.rolloutBatch)), step, stats);
    const auto updating = std::chrono::steady_clock::now();
    update(r, step, stats);  // its averages, read at the end, wait for the device
    stats["time/update_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - updating).count();
    stats["beta"] = kl_.beta();  // the β of this step's rewards
    if (config_.klTarget > 0) kl_.update(stats.at("objective/kl"), config_.rolloutBatch);
    stats["epoch"] = progress_.order->epochsSeen();
    progress_.step = step;
    stats["time/step_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {step, stats};
}

}  // namespace rlhf::train
