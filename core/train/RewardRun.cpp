#include "train/RewardRun.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <numeric>

#include <torch/torch.h>

#include "model/Scoring.h"
#include "model/TextModel.h"
#include "util/AtomicFile.h"
#include "train/GradientClipping.h"
#include "train/ResponseRows.h"
#include "train/SplitRows.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {

const char* kGroupsFile = "groups.jsonl";

// {"prompt", "responses", "pairs": [[better, worse, margin|null]]}
nlohmann::json groupJson(const data::PreferenceGroup& g) {
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& p : g.pairs) pairs.push_back({p.better, p.worse, p.margin ? nlohmann::json(*p.margin) : nlohmann::json(nullptr)});
    return {{"prompt", g.prompt}, {"responses", g.responses}, {"pairs", pairs}, {"prompt_id", g.promptId}};
}
data::PreferenceGroup groupFrom(const nlohmann::json& j) {
    data::PreferenceGroup g{j.at("prompt").get<std::string>(), j.at("responses").get<std::vector<std::string>>(), {}};
    for (const auto& p : j.at("pairs"))
        g.pairs.push_back({p.at(0).get<size_t>(), p.at(1).get<size_t>(),
                           p.at(2).is_null() ? std::nullopt : std::optional<double>(p.at(2).get<double>())});
    g.promptId = j.value("prompt_id", int64_t(0));
    return g;
}

}  // namespace

RewardRun::RewardRun(const std::string& runDir, FineTuneConfig config, const torch::Device& device)
    : config_(std::move(config)), device_(device), precision_(parsePrecision(config_.precision, device)), progress_(runDir) {}

std::unique_ptr<RewardRun> RewardRun::create(const std::string& runDir, const FineTuneConfig& config,
                                             const std::vector<data::PreferenceGroup>& train,
                                             const std::vector<data::PreferenceGroup>& validation, const torch::Device& device) {
    RunDirectory(runDir).refuseExistingRun();
    if (train.empty()) throw std::invalid_argument("no preferences in the train split to learn from");
    refuseMambaRewardBackbone(config.model);
    torch::manual_seed(config.seed);  // a new head's initialisation
    auto run = std::unique_ptr<RewardRun>(new RewardRun(runDir, config, device));
    run->prepare(model::loadCausalLm(config.model, device), config.model, train, validation);
    if (run->config_.maxSteps == 0)
        run->config_.maxSteps =
            stepsForEpochs(config.epochs, run->train_.groups.size(), int64_t(config.batchSize) * config.gradAccum);
    fs::create_directories(runDir);
    writeSplitRows(run->progress_.dir, kGroupsFile, train, validation, &groupJson);
    run->progress_.dir.writeConfig(run->config_.toJson());
    return run;
}

std::unique_ptr<RewardRun> RewardRun::resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps) {
    RunDirectory dir(runDir);
    FineTuneConfig config = FineTuneConfig::fromJson(dir.readConfig(), runDir + "/config.json");
    if (maxSteps > 0) config.maxSteps = maxSteps;
    const std::string checkpoint = dir.checkpointToResume();
    const auto [train, validation] = readSplitRows(dir, kGroupsFile, &groupFrom);
    auto run = std::unique_ptr<RewardRun>(new RewardRun(runDir, config, device));
    run->prepare(model::loadCausalLm(checkpoint, device), checkpoint, train, validation);
    run->progress_.restore(checkpoint);
    if (maxSteps > 0) run->progress_.dir.writeConfig(config.toJson());
    return run;
}

// The backbone and its head (the loaded one, else new: normal(0, 0.02) as transformers initialises it).
void RewardRun::prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::PreferenceGroup>& train,
                        const std::vector<data::PreferenceGroup>& validation) {
    if (loaded.score.defined() && loaded.score.size(0) != 1)
        throw std::invalid_argument(modelDir + ": its score head has " + std::to_string(loaded.score.size(0)) +
                                    " labels; a reward model has one");
    model_ = std::make_unique<model::CausalLm>(std::move(loaded.model));
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(*loaded.tokenizer));
    // A new head is drawn on the CPU, so that a seed gives the same head on every device.
    score_ = loaded.score.defined() ? loaded.score.to(torch::kFloat32).clone()
                                    : (torch::randn({1, model_->hiddenSize()}, torch::kFloat32) * 0.02).to(device_);
    score_.set_requires_grad(true);
    encoding_ = responseEncodingFor(modelDir, *tokenizer_, model_->eosTokenId());
    const int64_t maxLength = responseRowLength(config_.maxLength, model_->contextLimit());
    train_ = makeGroups(train, maxLength);
    validation_ = makeGroups(validation, maxLength);
    validationSource_ = validation;
    if (train_.groups.empty())
        throw std::invalid_argument("every train group has a response past max_length " + std::to_string(maxLength));
    progress_.optimizer = std::make_unique<AdamW>(parameters(), AdamWOptions{config_.lr, 0.9, 0.999, 1e-8, config_.weightDecay});
    progress_.order = std::make_unique<EpochOrder>(train_.groups.size(), config_.seed);
}

// A Llama's untied output layer is left out: the reward never reads it, and the checkpoint does not keep
// it. (A GPT-2's list is as it always was, so that its runs resume.)
std::vector<torch::Tensor> RewardRun::parameters() {
    std::vector<torch::Tensor> out;
    for (const auto& p : model_->module().named_parameters())
        if (!model_->llama() || p.key() != "lm_head.weight") out.push_back(p.value());
    out.push_back(score_);
    return out;
}

RewardRun::Groups RewardRun::makeGroups(const std::vector<data::PreferenceGroup>& groups, int64_t maxLength) const {
    Groups out;
    for (size_t source = 0; source < groups.size(); ++source) {
        const data::PreferenceGroup& g = groups[source];
        Group group{{}, g.pairs, source};
        for (const auto& response : g.responses) group.rows.push_back(encoding_.scored(*tokenizer_, g.prompt, response));
        const bool fits = std::all_of(group.rows.begin(), group.rows.end(),
                                      [&](const auto& ids) { return static_cast<int64_t>(ids.size()) <= maxLength; });
        if (!fits) {
            ++out.skipped;
            continue;
        }
        out.pairs += static_cast<int64_t>(group.pairs.size());
        out.groups.push_back(std::move(group));
    }
    return out;
}

torch::Tensor RewardRun::rewards(const Groups& split, const std::vector<size_t>& groups, int64_t* positions) {
    std::vector<std::vector<int>> rows;
    for (size_t g : groups) rows.insert(rows.end(), split.groups.at(g).rows.begin(), split.groups.at(g).rows.end());
    const auto padded = padRows(rows, encoding_.endId);  // right padding: causal attention keeps it out of every real position
    if (positions) *positions += padded.ids.numel();
    AutocastScope autocast(precision_, device_);
    return model::scoresAt(model_->hidden(padded.ids.to(device_)), score_, padded.last).squeeze(1);  // [rows]
}

// Each group's loss is the mean of −log σ(r_better − r_worse − margin) over its pairs; the groups' mean.
RewardRun::GroupLoss RewardRun::groupLoss(const Groups& split, const std::vector<size_t>& groups, int64_t* positions) {
    const auto r = rewards(split, groups, positions);
    std::vector<int64_t> better, worse;
    std::vector<float> margins, weights;
    int64_t offset = 0;
    for (size_t g : groups) {
        const Group& group = split.groups[g];
        for (const auto& p : group.pairs) {
            better.push_back(offset + static_cast<int64_t>(p.better));
            worse.push_back(offset + static_cast<int64_t>(p.worse));
            margins.push_back(static_cast<float>(p.margin.value_or(0.0)));
            weights.push_back(1.0f / static_cast<float>(group.pairs.size() * groups.size()));
        }
        offset += static_cast<int64_t>(group.rows.size());
    }
    auto onDevice = [&](auto values, torch::Dtype type) { return torch::tensor(values, type).to(device_); };
    const auto difference = r.index_select(0, onDevice(better, torch::kLong)) - r.index_select(0, onDevice(worse, torch::kLong));
    const auto losses = torch::softplus(-(difference - onDevice(margins, torch::kFloat32)));  // −log σ(x) = softplus(−x)
    return {(losses * onDevice(weights, torch::kFloat32)).sum(), r.detach(), difference.detach()};
}

StepStats RewardRun::trainStep(int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    model_->module().train();
    const auto parameters = this->parameters();
    setGradsToNone(parameters);
    torch::Tensor lossSum = torch::zeros({}, torch::dtype(torch::kFloat32).device(device_));
    std::vector<torch::Tensor> rewards, differences;
    int64_t positions = 0;
    for (int micro = 0; micro < config_.gradAccum; ++micro) {  // every micro-batch holds batch_size groups
        auto result = groupLoss(train_, progress_.order->next(static_cast<size_t>(config_.batchSize)), &positions);
        (result.loss / config_.gradAccum).backward();
        lossSum += result.loss.detach() / config_.gradAccum;
        rewards.push_back(result.rewards);
        differences.push_back(result.pairMargins);
    }
    const torch::Tensor gradNorm = gradientNorm(parameters);
    const double lr = config_.lrSchedule().at(step);
    progress_.optimizer->step(lr, config_.gradClip > 0 ? clipDivisor(gradNorm, config_.gradClip) : torch::Tensor());
    const auto r = torch::cat(rewards), d = torch::cat(differences);
    const auto readings = torch::stack({lossSum, gradNorm.to(torch::kFloat32), d.gt(0).to(torch::kFloat32).mean(), d.mean(),
                                        r.mean(), r.std(), r.min(), r.max()})
                              .to(torch::kCPU, torch::kFloat64);
    const auto* v = readings.data_ptr<double>();
    progress_.step = step;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {step, {{"loss", v[0]}, {"grad_norm", v[1]}, {"accuracy", v[2]}, {"margin", v[3]}, {"reward/mean", v[4]},
                   {"reward/std", v[5]}, {"reward/min", v[6]}, {"reward/max", v[7]}, {"lr", lr},
                   {"tokens_per_s", static_cast<double>(positions) / seconds}, {"epoch", progress_.order->epochsSeen()}}};
}

// Loss, accuracy and margin over the first eval_batches micro-batches of the validation groups.
std::map<std::string, double> RewardRun::evaluate() {
    if (validation_.groups.empty()) return {};
    torch::NoGradGuard noGrad;
    model_->module().eval();
    const size_t end = std::min(validation_.groups.size(), static_cast<size_t>(config_.evalBatches) * config_.batchSize);
    double loss = 0;
    std::vector<torch::Tensor> differences, rewards;
    for (size_t start = 0; start < end; start += static_cast<size_t>(config_.batchSize)) {
        std::vector<size_t> groups(std::min(end - start, static_cast<size_t>(config_.batchSize)));
        std::iota(groups.begin(), groups.end(), start);
        const auto result = groupLoss(validation_, groups);
        loss += result.loss.item<double>() * static_cast<double>(groups.size()) / static_cast<double>(end);
        differences.push_back(result.pairMargins);
        rewards.push_back(result.rewards);
    }
    std::vector<size_t> evaluated(end);
    std::iota(evaluated.begin(), evaluated.end(), 0);
    writeEvaluation(evaluated, torch::cat(rewards));
    const auto d = torch::cat(differences);
    return {{"val_loss", loss}, {"val_accuracy", d.gt(0).to(torch::kFloat64).mean().item<double>()},
            {"val_margin", d.to(torch::kFloat64).mean().item<double>()}};
}

// RUN/evaluation.jsonl, replaced at each evaluation: one line per validation pair with its texts and both
// rewards, for the workbench's histograms, calibration and "most wrong pairs" (`rewards`: [rows] of
// `groups`, in order).
void RewardRun::writeEvaluation(const std::vector<size_t>& groups, const torch::Tensor& rewards) const {
    const auto r = rewards.to(torch::kCPU, torch::kFloat64);
    const double* reward = r.data_ptr<double>();
    std::string lines;
    int64_t offset = 0;
    for (size_t g : groups) {
        const Group& group = validation_.groups[g];
        const data::PreferenceGroup& source = validationSource_[group.source];
        for (const auto& p : group.pairs)
            lines += nlohmann::json{{"step", progress_.step}, {"prompt_id", source.promptId}, {"prompt", source.prompt},
                                    {"chosen", source.responses[p.better]}, {"rejected", source.responses[p.worse]},
                                    {"chosen_reward", reward[offset + static_cast<int64_t>(p.better)]},
                                    {"rejected_reward", reward[offset + static_cast<int64_t>(p.worse)]}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
        offset += static_cast<int64_t>(group.rows.size());
    }
    AtomicFile file(progress_.dir.path() + "/evaluation.jsonl");
    file.stream() << lines;
    file.commit();
}

void RewardRun::saveCheckpoint(int64_t step) {
    const TrainerState state = progress_.stateAt(step);
    const auto writeModel = [this](const std::string& dir) {
        model_->save(dir, tokenizer_.get(), score_.detach(), encoding_.format ? encoding_.endId : -1);
    };
    progress_.checkpointWritten(step, progress_.dir.saveCheckpointWith(writeModel, state, [this](const std::string& dir) { encoding_.keepTemplateIn(dir); }));
}

LoopResult RewardRun::run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats) {
    return progress_.run({config_.maxSteps, config_.evalEvery, config_.checkpointEvery}, [this](int64_t step) { return trainStep(step); },
                         [this] { return evaluate(); }, [this](int64_t step) { saveCheckpoint(step); }, onStats, stop);
}

void refuseMambaRewardBackbone(const std::string& modelDir) {
    if (model::isMamba(model::modelTypeOf(modelDir)))
        throw std::invalid_argument(modelDir + " is a Mamba; a reward model needs a GPT-2 or a Llama-family backbone "
                                               "(transformers has no sequence-classification layout for Mamba)");
}

}  // namespace rlhf::train
