#include "train/PretrainRun.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "text/BpeTrainer.h"
#include "train/GradientClipping.h"

namespace rlhf::train {

namespace fs = std::filesystem;

namespace {
std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument(path + ": cannot open the training text");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

PretrainRun::PretrainRun(const std::string& runDir, PretrainConfig config, const torch::Device& device)
    : config_(std::move(config)), device_(device), precision_(parsePrecision(config_.precision, device)), progress_(runDir), sampler_(config_.seed) {}

std::unique_ptr<PretrainRun> PretrainRun::create(const std::string& runDir, const PretrainConfig& config,
                                                 const torch::Device& device) {
    if (config.textPath.empty()) throw std::invalid_argument("text_path: no training text given (--text FILE)");
    RunDirectory(runDir).refuseExistingRun();
    const std::string text = readText(config.textPath);
    auto run = std::unique_ptr<PretrainRun>(new PretrainRun(runDir, config, device));
    text::Tokenizer tokenizer = [&] {
        try {
            return text::trainBpe(text, {config.vocabSize, 2});
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(config.textPath + ": " + e.what());
        }
    }();
    torch::manual_seed(config.seed);
    run->prepare(std::move(tokenizer));
    run->progress_.dir.writeConfig(config.toJson());
    return run;
}

std::unique_ptr<PretrainRun> PretrainRun::resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps) {
    RunDirectory dir(runDir);
    PretrainConfig config = PretrainConfig::fromJson(dir.readConfig(), runDir + "/config.json");
    if (maxSteps > 0) config.maxSteps = maxSteps;
    const std::string checkpoint = dir.checkpointToResume();
    auto loaded = model::loadCausalLm(checkpoint, device);
    auto run = std::unique_ptr<PretrainRun>(new PretrainRun(runDir, config, device));
    run->prepare(std::move(*loaded.tokenizer));
    {
        torch::NoGradGuard noGrad;
        auto target = run->model_->module().named_parameters();
        for (const auto& p : loaded.model.module().named_parameters()) target[p.key()].copy_(p.value());
    }
    const TrainerState state = run->progress_.restore(checkpoint);
    std::istringstream(state.extra.value("sampler", std::string())) >> run->sampler_;
    if (maxSteps > 0) run->progress_.dir.writeConfig(config.toJson());
    return run;
}

// Tokenises the text, splits train/validation, builds the model and optimiser.
void PretrainRun::prepare(text::Tokenizer tokenizer) {
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(tokenizer));
    const std::vector<int> tokens = tokenizer_->encode(readText(config_.textPath));
    const auto valCount = static_cast<size_t>(static_cast<double>(tokens.size()) * config_.valFraction);
    const size_t need = static_cast<size_t>(config_.context) + 2;
    if (tokens.size() - valCount < need || valCount < need)
        throw std::invalid_argument(config_.textPath + ": too short: " + std::to_string(tokens.size()) +
                                    " tokens; a context of " + std::to_string(config_.context) + " needs at least " +
                                    std::to_string(static_cast<size_t>(static_cast<double>(need) / config_.valFraction) + need));
    trainTokens_.assign(tokens.begin(), tokens.end() - static_cast<long>(valCount));
    valTokens_.assign(tokens.end() - static_cast<long>(valCount), tokens.end());
    buildModel();
    progress_.optimizer = std::make_unique<AdamW>(model_->module().parameters(), AdamWOptions{config_.lr, 0.9, 0.95, 1e-8, config_.weightDecay});
    auto microLoss = [this](const torch::Tensor& input, const torch::Tensor& target) {
        AutocastScope autocast(precision_, device_);
        return nextTokenLoss(input, target);
    };
    gradientPass_ = std::make_unique<GradientPass>(model_->module().parameters(), microLoss, device_);
}

void PretrainRun::buildModel() {
    const int endOfText = tokenizer_->endOfTextId();
    if (config_.architecture == "mamba") {
        model::MambaConfig c;
        c.vocabSize = tokenizer_->vocabSize();
        c.hiddenSize = config_.nEmbd;
        c.layers = config_.nLayer;
        c.stateSize = config_.stateSize;
        c.intermediateSize = config_.expand * config_.nEmbd;
        c.convKernel = config_.convKernel;
        c.timeStepRank = (config_.nEmbd + 15) / 16;
        c.eosTokenIds = {endOfText};
        c.bosTokenId = c.padTokenId = endOfText;
        model_ = std::make_unique<model::CausalLm>(model::MambaModel(c));
    } else {
        model::Gpt2Config c;
        c.vocabSize = tokenizer_->vocabSize();
        c.nLayer = config_.nLayer;
        c.nHead = config_.nHead;
        c.nEmbd = config_.nEmbd;
        c.nPositions = config_.context;
        c.eosTokenId = c.bosTokenId = endOfText;
        model_ = std::make_unique<model::CausalLm>(model::Gpt2Model(c));
    }
    model_->module().to(device_);
}

torch::Tensor PretrainRun::windows(const std::vector<int>& tokens, const std::vector<int64_t>& offsets) const {
    const int64_t T = config_.context + 1;
    auto batch = torch::empty({static_cast<int64_t>(offsets.size()), T}, torch::kLong);
    auto* out = batch.data_ptr<int64_t>();
    for (size_t b = 0; b < offsets.size(); ++b)
        for (int64_t t = 0; t < T; ++t) out[static_cast<int64_t>(b) * T + t] = tokens[static_cast<size_t>(offsets[b] + t)];
    return batch.to(device_);
}

torch::Tensor PretrainRun::nextTokenLoss(const torch::Tensor& input, const torch::Tensor& targets) {
    // Every window's targets are real tokens.
    return -model_->targetLogProbs(input, targets).mean();
}

// One synchronisation per step, reading the loss and the gradient norm together once the update is queued.
StepStats PretrainRun::trainStep(int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    model_->module().train();
    std::uniform_int_distribution<int64_t> offset(0, static_cast<int64_t>(trainTokens_.size()) - config_.context - 1);
    std::vector<torch::Tensor> inputs, targets;  // per micro-batch: [B,T] each
    for (int micro = 0; micro < config_.gradAccum; ++micro) {
        std::vector<int64_t> offsets(static_cast<size_t>(config_.batchSize));
        for (auto& o : offsets) o = offset(sampler_);
        auto batch = windows(trainTokens_, offsets);  // [B, T+1]
        inputs.push_back(batch.narrow(1, 0, config_.context));
        targets.push_back(batch.narrow(1, 1, config_.context));
    }
    // Every micro-batch has B*T tokens, so the mean over micro-batches is the step's token mean.
    const auto meanLoss = gradientPass_->run(inputs, targets);
    const auto parameters = model_->module().parameters();
    const torch::Tensor gradNorm = config_.gradClip > 0 ? gradientNorm(parameters) : torch::zeros_like(meanLoss);
    const double lr = config_.lrSchedule().at(step);
    progress_.optimizer->step(lr, config_.gradClip > 0 ? clipDivisor(gradNorm, config_.gradClip) : torch::Tensor());
    const auto readings = torch::stack({meanLoss.to(torch::kFloat32), gradNorm}).to(torch::kCPU, torch::kFloat64);
    progress_.step = step;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double tokens = static_cast<double>(config_.gradAccum) * config_.batchSize * config_.context;
    return {step, {{"loss", readings[0].item<double>()}, {"lr", lr}, {"grad_norm", readings[1].item<double>()},
                   {"tokens_per_s", tokens / seconds}}};
}

std::map<std::string, double> PretrainRun::evaluate() {
    torch::NoGradGuard noGrad;
    model_->module().eval();
    const int64_t span = static_cast<int64_t>(valTokens_.size()) - config_.context - 1;
    torch::Tensor sum = torch::zeros({}, torch::dtype(torch::kFloat64).device(device_));  // read once, at the end
    for (int b = 0; b < config_.evalBatches; ++b) {
        std::vector<int64_t> offsets(static_cast<size_t>(config_.batchSize));
        for (size_t i = 0; i < offsets.size(); ++i)  // fixed, evenly spread windows: comparable across steps
            offsets[i] = span * static_cast<int64_t>(b * offsets.size() + i) / std::max<int64_t>(1, config_.evalBatches * config_.batchSize);
        auto batch = windows(valTokens_, offsets);
        AutocastScope autocast(precision_, device_);
        sum += nextTokenLoss(batch.narrow(1, 0, config_.context), batch.narrow(1, 1, config_.context)).to(torch::kFloat64);
    }
    return {{"val_loss", sum.item<double>() / config_.evalBatches}};
}

void PretrainRun::saveCheckpoint(int64_t step) {
    TrainerState state = progress_.stateAt(step);
    std::ostringstream sampler;
    sampler << sampler_;
    state.extra["sampler"] = sampler.str();
    const auto writeModel = [this](const std::string& dir) { model_->save(dir, tokenizer_.get()); };
    progress_.checkpointWritten(step, progress_.dir.saveCheckpointWith(writeModel, state));
}

LoopResult PretrainRun::run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats) {
    return progress_.run({config_.maxSteps, config_.evalEvery, config_.checkpointEvery}, [this](int64_t step) { return trainStep(step); },
                         [this] { return evaluate(); }, [this](int64_t step) { saveCheckpoint(step); }, onStats, stop);
}

}  // namespace rlhf::train
