#include "train/SftRun.h"

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

const char* kDemonstrationsFile = "demonstrations.jsonl";

nlohmann::json demonstrationJson(const data::Demonstration& d) { return {{"prompt", d.prompt}, {"response", d.response}}; }
data::Demonstration demonstrationFrom(const nlohmann::json& j) {
    return {j.at("prompt").get<std::string>(), j.at("response").get<std::string>()};
}

}  // namespace

SftRun::SftRun(const std::string& runDir, FineTuneConfig config, const torch::Device& device)
    : config_(std::move(config)), device_(device), precision_(parsePrecision(config_.precision, device)), progress_(runDir) {}

std::unique_ptr<SftRun> SftRun::create(const std::string& runDir, const FineTuneConfig& config,
                                       const std::vector<data::Demonstration>& train,
                                       const std::vector<data::Demonstration>& validation, const torch::Device& device) {
    RunDirectory(runDir).refuseExistingRun();
    if (train.empty()) throw std::invalid_argument("no demonstrations in the train split to fine-tune on");
    auto run = std::unique_ptr<SftRun>(new SftRun(runDir, config, device));
    run->prepare(model::loadLanguageModel(config.model, device), config.model, train, validation);
    if (run->config_.maxSteps == 0)
        run->config_.maxSteps = stepsForEpochs(config.epochs, run->train_.rows.size(), int64_t(config.batchSize) * config.gradAccum);
    fs::create_directories(runDir);
    writeSplitRows(run->progress_.dir, kDemonstrationsFile, train, validation, &demonstrationJson);
    run->progress_.dir.writeConfig(run->config_.toJson());
    return run;
}

std::unique_ptr<SftRun> SftRun::resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps) {
    RunDirectory dir(runDir);
    FineTuneConfig config = FineTuneConfig::fromJson(dir.readConfig(), runDir + "/config.json");
    if (maxSteps > 0) config.maxSteps = maxSteps;
    const std::string checkpoint = dir.checkpointToResume();
    const auto [train, validation] = readSplitRows(dir, kDemonstrationsFile, &demonstrationFrom);
    auto run = std::unique_ptr<SftRun>(new SftRun(runDir, config, device));
    run->prepare(model::loadLanguageModel(checkpoint, device), checkpoint, train, validation);
    run->progress_.restore(checkpoint);
    if (maxSteps > 0) run->progress_.dir.writeConfig(config.toJson());
    return run;
}

// Tokenises the demonstrations and builds the optimiser around the loaded model.
void SftRun::prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::Demonstration>& train,
                     const std::vector<data::Demonstration>& validation) {
    model_ = std::make_unique<model::CausalLm>(std::move(loaded.model));
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(*loaded.tokenizer));
    const int64_t maxLength = responseRowLength(config_.maxLength, model_->contextLimit());
    encoding_ = responseEncodingFor(modelDir, *tokenizer_, model_->eosTokenId());
    train_ = makeSftExamples(train, *tokenizer_, encoding_, maxLength);
    validation_ = makeSftExamples(validation, *tokenizer_, encoding_, maxLength);
    if (train_.rows.empty())
        throw std::invalid_argument("every train demonstration's prompt fills max_length " + std::to_string(maxLength) +
                                    ": nothing to learn");
    progress_.optimizer = std::make_unique<AdamW>(model_->module().parameters(), AdamWOptions{config_.lr, 0.9, 0.999, 1e-8, config_.weightDecay});
    auto microLoss = [this](const torch::Tensor& input, const torch::Tensor& target) {
        AutocastScope autocast(precision_, device_);
        return sftLossSum(*model_, input, target);
    };
    progress_.order = std::make_unique<EpochOrder>(train_.rows.size(), config_.seed);
    // Eager on CUDA too: micro-batches are as long as their longest row, so their shapes change from step to step.
    gradientPass_ = std::make_unique<GradientPass>(model_->module().parameters(), microLoss, device_, GradientPass::Combine::Sum,
                                                   /*allowCudaGraph=*/false);
}

// One synchronisation per step, reading the loss and the gradient norm together once the update is queued.
StepStats SftRun::trainStep(int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    model_->module().train();
    std::vector<torch::Tensor> inputs, targets;  // per micro-batch: [B,T] each, T its own longest row
    int64_t learned = 0, positions = 0;
    for (int micro = 0; micro < config_.gradAccum; ++micro) {
        const ResponseBatch batch = makeResponseBatch(train_.rows, progress_.order->next(static_cast<size_t>(config_.batchSize)), encoding_.endId);
        inputs.push_back(batch.input.to(device_));
        targets.push_back(batch.target.to(device_));
        learned += batch.lossTokens;
        positions += batch.positions;
    }
    // The grads are of the summed loss; dividing them by the step's learned tokens (inside AdamW's update,
    // with the clipping factor) makes them the gradient of the per-token mean over the whole step.
    const auto lossSum = gradientPass_->run(inputs, targets);
    const auto tokens = static_cast<double>(learned);
    const auto parameters = model_->module().parameters();
    const torch::Tensor gradNorm = gradientNorm(parameters) / tokens;
    const torch::Tensor divisor = config_.gradClip > 0 ? clipDivisor(gradNorm, config_.gradClip) * tokens
                                                       : torch::full({}, tokens, gradNorm.options());
    const double lr = config_.lrSchedule().at(step);
    progress_.optimizer->step(lr, divisor);
    const auto readings = torch::stack({lossSum.to(torch::kFloat32) / tokens, gradNorm}).to(torch::kCPU, torch::kFloat64);
    progress_.step = step;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {step, {{"loss", readings[0].item<double>()}, {"lr", lr}, {"grad_norm", readings[1].item<double>()},
                   {"tokens_per_s", static_cast<double>(positions) / seconds},
                   {"epoch", progress_.order->epochsSeen()}}};
}

// Per-token loss over the first eval_batches micro-batches of the validation split (the same rows each time).
std::map<std::string, double> SftRun::evaluate() {
    if (validation_.rows.empty()) return {};
    torch::NoGradGuard noGrad;
    model_->module().eval();
    torch::Tensor sum = torch::zeros({}, torch::dtype(torch::kFloat64).device(device_));  // read once, at the end
    int64_t tokens = 0;
    const size_t end = std::min(validation_.rows.size(), static_cast<size_t>(config_.evalBatches) * config_.batchSize);
    for (size_t start = 0; start < end; start += static_cast<size_t>(config_.batchSize)) {
        std::vector<size_t> pick(std::min(end - start, static_cast<size_t>(config_.batchSize)));
        std::iota(pick.begin(), pick.end(), start);
        const ResponseBatch batch = makeResponseBatch(validation_.rows, pick, encoding_.endId);
        AutocastScope autocast(precision_, device_);
        sum += sftLossSum(*model_, batch.input.to(device_), batch.target.to(device_)).to(torch::kFloat64);
        tokens += batch.lossTokens;
    }
    return {{"val_loss", sum.item<double>() / static_cast<double>(tokens)}};
}

void SftRun::saveCheckpoint(int64_t step) {
    TrainerState state = progress_.stateAt(step);
    const auto writeModel = [this](const std::string& dir) { model_->save(dir, tokenizer_.get()); };
    progress_.checkpointWritten(step, progress_.dir.saveCheckpointWith(writeModel, state, [this](const std::string& dir) { encoding_.keepTemplateIn(dir); }));
}

LoopResult SftRun::run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats) {
    return progress_.run({config_.maxSteps, config_.evalEvery, config_.checkpointEvery}, [this](int64_t step) { return trainStep(step); },
                         [this] { return evaluate(); }, [this](int64_t step) { saveCheckpoint(step); }, onStats, stop);
}

}  // namespace rlhf::train
