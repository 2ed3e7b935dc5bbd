#include "train/DpoRun.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <numeric>

#include <torch/torch.h>

#include "train/GradientClipping.h"
#include "train/SplitRows.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {

const char* kPairsFile = "pairs.jsonl";

nlohmann::json pairJson(const data::PreferencePair& p) {
    return {{"prompt", p.prompt}, {"chosen", p.chosen}, {"rejected", p.rejected}};
}
data::PreferencePair pairFrom(const nlohmann::json& j) {
    return {j.at("prompt").get<std::string>(), j.at("chosen").get<std::string>(), j.at("rejected").get<std::string>(), std::nullopt};
}

// Running means of a step's micro-batch metrics.
void addMetrics(std::map<std::string, double>& sums, const std::map<std::string, double>& metrics, double weight,
                const std::string& prefix = "") {
    for (const auto& [name, value] : metrics) sums[prefix + name] += value * weight;
}

}  // namespace

DpoRun::DpoRun(const std::string& runDir, DpoConfig config, const torch::Device& device)
    : config_(std::move(config)), device_(device), precision_(parsePrecision(config_.precision, device)), progress_(runDir) {}

std::unique_ptr<DpoRun> DpoRun::create(const std::string& runDir, const DpoConfig& config,
                                       const std::vector<data::PreferencePair>& train,
                                       const std::vector<data::PreferencePair>& validation, const torch::Device& device) {
    RunDirectory(runDir).refuseExistingRun();
    if (train.empty()) throw std::invalid_argument("no preference pairs in the train split to learn from");
    auto run = std::unique_ptr<DpoRun>(new DpoRun(runDir, config, device));
    run->prepare(model::loadLanguageModel(config.model, device), config.model, train, validation);
    run->computeReference(run->train_);
    run->computeReference(run->validation_);
    if (run->config_.maxSteps == 0)
        run->config_.maxSteps = stepsForEpochs(config.epochs, run->train_.pairs(), int64_t(config.batchSize) * config.gradAccum);
    fs::create_directories(runDir);
    writeSplitRows(run->progress_.dir, kPairsFile, train, validation, &pairJson);
    run->progress_.dir.writeConfig(run->config_.toJson());
    return run;
}

std::unique_ptr<DpoRun> DpoRun::resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps) {
    RunDirectory dir(runDir);
    DpoConfig config = DpoConfig::fromJson(dir.readConfig(), runDir + "/config.json");
    if (maxSteps > 0) config.maxSteps = maxSteps;
    const std::string checkpoint = dir.checkpointToResume();
    const auto [train, validation] = readSplitRows(dir, kPairsFile, &pairFrom);
    auto run = std::unique_ptr<DpoRun>(new DpoRun(runDir, config, device));
    run->prepare(model::loadLanguageModel(checkpoint, device), checkpoint, train, validation);
    run->progress_.restore(checkpoint, [&](TrainerState& state) {  // the reference's log-probs are not the optimiser's
        for (auto [split, name] : {std::pair{&run->train_, "train"}, std::pair{&run->validation_, "validation"}}) {
            const auto chosen = state.tensors.find(std::string("reference/") + name + "_chosen");
            const auto rejected = state.tensors.find(std::string("reference/") + name + "_rejected");
            if (chosen == state.tensors.end() || rejected == state.tensors.end())
                throw std::invalid_argument(checkpoint + ": trainer state has no reference log-probs of the " + name + " pairs");
            if (chosen->second.size(0) != static_cast<int64_t>(split->pairs()))
                throw std::invalid_argument(checkpoint + ": its reference log-probs are of " + std::to_string(chosen->second.size(0)) +
                                            " " + name + " pairs, but the run's pairs make " + std::to_string(split->pairs()) +
                                            " rows now (was the checkpoint's tokenizer or chat template changed?)");
            split->referenceChosen = chosen->second;
            split->referenceRejected = rejected->second;
            state.tensors.erase(chosen);
            state.tensors.erase(rejected);
        }
    });
    if (maxSteps > 0) run->progress_.dir.writeConfig(config.toJson());
    return run;
}

void DpoRun::prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::PreferencePair>& train,
                     const std::vector<data::PreferencePair>& validation) {
    model_ = std::make_unique<model::CausalLm>(std::move(loaded.model));
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(*loaded.tokenizer));
    maxLength_ = responseRowLength(config_.maxLength, model_->contextLimit());
    encoding_ = responseEncodingFor(modelDir, *tokenizer_, model_->eosTokenId());
    train_ = makePairRows(train);
    validation_ = makePairRows(validation);
    if (train_.pairs() == 0)
        throw std::invalid_argument("every train pair's prompt fills max_length " + std::to_string(maxLength_) +
                                    ": nothing to learn");
    progress_.optimizer = std::make_unique<AdamW>(model_->module().parameters(), AdamWOptions{config_.lr, 0.9, 0.999, 1e-8, config_.weightDecay});
    progress_.order = std::make_unique<EpochOrder>(train_.pairs(), config_.seed);
}

DpoRun::PairRows DpoRun::makePairRows(const std::vector<data::PreferencePair>& pairs) const {
    PairRows out;
    for (const auto& p : pairs) {
        const auto prompt = encoding_.prompt(*tokenizer_, p.prompt);
        bool chosenCut = false, rejectedCut = false;
        auto chosen = makeResponseRow(prompt, encoding_.response(*tokenizer_, p.chosen), encoding_.endId, maxLength_, chosenCut);
        auto rejected = makeResponseRow(prompt, encoding_.response(*tokenizer_, p.rejected), encoding_.endId, maxLength_, rejectedCut);
        out.truncated += chosenCut || rejectedCut;
        if (!chosen || !rejected) {
            ++out.skipped;
            continue;
        }
        out.rows.push_back(std::move(*chosen));
        out.rows.push_back(std::move(*rejected));
    }
    return out;
}

torch::Tensor DpoRun::policyLogProbs(const PairRows& split, const std::vector<size_t>& pairs, int64_t* positions) {
    std::vector<size_t> rows;  // the chosen rows, then the rejected ones
    for (size_t p : pairs) rows.push_back(2 * p);
    for (size_t p : pairs) rows.push_back(2 * p + 1);
    const ResponseBatch batch = makeResponseBatch(split.rows, rows, encoding_.endId);
    if (positions) *positions += batch.positions;
    AutocastScope autocast(precision_, device_);
    return responseLogProbSums(*model_, batch.input.to(device_), batch.target.to(device_));  // [2B]
}

// The reference is the policy before any update: its log-probs of every pair, without gradients.
void DpoRun::computeReference(PairRows& split) {
    torch::NoGradGuard noGrad;
    model_->module().eval();
    std::vector<torch::Tensor> chosen, rejected;
    const auto batch = static_cast<size_t>(config_.batchSize);
    for (size_t start = 0; start < split.pairs(); start += batch) {
        std::vector<size_t> pairs(std::min(batch, split.pairs() - start));
        std::iota(pairs.begin(), pairs.end(), start);
        const auto sums = policyLogProbs(split, pairs).to(torch::kCPU, torch::kFloat32);
        const auto B = static_cast<int64_t>(pairs.size());
        chosen.push_back(sums.narrow(0, 0, B));
        rejected.push_back(sums.narrow(0, B, B));
    }
    split.referenceChosen = chosen.empty() ? torch::zeros({0}) : torch::cat(chosen);
    split.referenceRejected = rejected.empty() ? torch::zeros({0}) : torch::cat(rejected);
}

DpoResult DpoRun::pairLoss(const PairRows& split, const std::vector<size_t>& pairs, int64_t* positions) {
    const auto sums = policyLogProbs(split, pairs, positions);
    const auto B = static_cast<int64_t>(pairs.size());
    const auto index = torch::tensor(std::vector<int64_t>(pairs.begin(), pairs.end()), torch::kLong);
    return dpoLoss(sums.narrow(0, 0, B), sums.narrow(0, B, B), split.referenceChosen.index_select(0, index).to(device_),
                   split.referenceRejected.index_select(0, index).to(device_), config_.lossOptions());
}

// Every micro-batch holds batch_size pairs, so the step's loss is the mean of the micro-batch means.
StepStats DpoRun::trainStep(int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    model_->module().train();
    const auto parameters = model_->module().parameters();
    setGradsToNone(parameters);
    std::map<std::string, double> values;
    int64_t positions = 0;
    const double weight = 1.0 / config_.gradAccum;
    for (int micro = 0; micro < config_.gradAccum; ++micro) {
        const DpoResult result = pairLoss(train_, progress_.order->next(static_cast<size_t>(config_.batchSize)), &positions);
        (result.loss * weight).backward();
        addMetrics(values, result.metrics, weight);
        values["loss"] += result.loss.item<double>() * weight;
    }
    const torch::Tensor gradNorm = gradientNorm(parameters);
    const double lr = config_.lrSchedule().at(step);
    progress_.optimizer->step(lr, config_.gradClip > 0 ? clipDivisor(gradNorm, config_.gradClip) : torch::Tensor());
    progress_.step = step;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    values.insert({{"lr", lr}, {"grad_norm", gradNorm.item<double>()}, {"tokens_per_s", static_cast<double>(positions) / seconds},
                   {"epoch", progress_.order->epochsSeen()}});
    return {step, values};
}

// The loss and metrics over the first eval_batches micro-batches of the validation pairs, as val_*.
std::map<std::string, double> DpoRun::evaluate() {
    if (validation_.pairs() == 0) return {};
    torch::NoGradGuard noGrad;
    model_->module().eval();
    std::map<std::string, double> values;
    const size_t end = std::min(validation_.pairs(), static_cast<size_t>(config_.evalBatches) * config_.batchSize);
    for (size_t start = 0; start < end; start += static_cast<size_t>(config_.batchSize)) {
        std::vector<size_t> pairs(std::min(end - start, static_cast<size_t>(config_.batchSize)));
        std::iota(pairs.begin(), pairs.end(), start);
        const DpoResult result = pairLoss(validation_, pairs);
        const double weight = static_cast<double>(pairs.size()) / static_cast<double>(end);
        addMetrics(values, result.metrics, weight, "val_");
        values["val_loss"] += result.loss.item<double>() * weight;
    }
    return values;
}

void DpoRun::saveCheckpoint(int64_t step) {
    TrainerState state = progress_.stateAt(step);
    state.tensors["reference/train_chosen"] = train_.referenceChosen;
    state.tensors["reference/train_rejected"] = train_.referenceRejected;
    state.tensors["reference/validation_chosen"] = validation_.referenceChosen;
    state.tensors["reference/validation_rejected"] = validation_.referenceRejected;
    const auto writeModel = [this](const std::string& dir) { model_->save(dir, tokenizer_.get()); };
    progress_.checkpointWritten(step, progress_.dir.saveCheckpointWith(writeModel, state, [this](const std::string& dir) { encoding_.keepTemplateIn(dir); }));
}

LoopResult DpoRun::run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats) {
    return progress_.run({config_.maxSteps, config_.evalEvery, config_.checkpointEvery}, [this](int64_t step) { return trainStep(step); },
                         [this] { return evaluate(); }, [this](int64_t step) { saveCheckpoint(step); }, onStats, stop);
}

}  // namespace rlhf::train
