#include "train/GptBench.h"

#include <chrono>
#include <stdexcept>

#include <torch/torch.h>

#include "model/Generation.h"
#include "model/Gpt2Model.h"
#include "train/AdamW.h"
#include "train/GradientPass.h"
#include "train/Precision.h"

namespace rlhf::train {

double secondsSince(std::chrono::steady_clock::time_point t0, const torch::Device& device) {
    if (device.is_cuda()) torch::cuda::synchronize();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

BenchPreset benchPreset(const std::string& name, const torch::Device& device) {
    BenchPreset p;
    auto& c = p.config;
    if (name == "tiny") { c.vocabSize = 2048; c.nLayer = 2; c.nHead = 4; c.nEmbd = 128; c.nPositions = 128; p.batch = 16; }
    else if (name == "small") { c.vocabSize = 8192; c.nLayer = 4; c.nHead = 8; c.nEmbd = 256; c.nPositions = 256; p.batch = 8; }
    else if (name == "gpt2") { c.vocabSize = 50257; c.nLayer = 12; c.nHead = 12; c.nEmbd = 768; c.nPositions = 512; p.batch = device.is_cuda() ? 16 : 4; }
    else throw std::invalid_argument("unknown preset '" + name + "' (tiny, small, gpt2)");
    c.eosTokenId = c.bosTokenId = c.vocabSize - 1;
    return p;
}

namespace {

// One training step of the bench, as py_gpt_baseline.py takes it: through GradientPass as training takes
// it (on CUDA under a CUDA graph unless RLHF_NO_CUDA_GRAPH_TRAINING=1), or in eager phases, the device synchronised
// between forward, loss, backward and optimiser and their seconds added up.
struct BenchTrainer {
    model::Gpt2Model gpt;
    AdamW optimizer;
    torch::Tensor input, target;  // [B,T], [B*T]
    torch::Device device;
    Precision precision;
    GradientPass pass;

    BenchTrainer(model::Gpt2Model model, const torch::Tensor& tokens, const torch::Device& dev, Precision p)
        : gpt(model), optimizer(model->parameters(), AdamWOptions{}), input(tokens.narrow(1, 0, tokens.size(1) - 1)),
          target(tokens.narrow(1, 1, tokens.size(1) - 1).reshape({-1})), device(dev), precision(p),
          pass(model->parameters(), [this](const torch::Tensor& x, const torch::Tensor& y) { return loss(x, y); }, dev) {}

    // x [B,T], y [B*T] -> the mean next-token cross-entropy.
    torch::Tensor loss(const torch::Tensor& x, const torch::Tensor& y) {
        AutocastScope autocast(precision, device);
        return lossOf(logProbsOf(x, y));
    }

    torch::Tensor logProbsOf(const torch::Tensor& x, const torch::Tensor& y) { return gpt->targetLogProbs(x, y.view_as(x)); }
    static torch::Tensor lossOf(const torch::Tensor& logProbs) { return -logProbs.mean(); }

    // Returns the step's loss (on the device: reading it would synchronise).
    torch::Tensor step() {
        auto loss = pass.run({input}, {target});
        optimizer.step(3e-4);
        return loss;
    }

    torch::Tensor stepInPhases(TrainPhaseSeconds& phases) {
        auto t = std::chrono::steady_clock::now();
        auto lap = [&](double TrainPhaseSeconds::*phase) {
            phases.*phase += secondsSince(t, device);
            t = std::chrono::steady_clock::now();
        };
        torch::Tensor loss;
        {
            AutocastScope autocast(precision, device);
            auto hidden = gpt->hidden(input);  // [B,T,C]
            lap(&TrainPhaseSeconds::forward);
            loss = lossOf(gpt->headLogProbs(hidden, target.view_as(input)));  // the output layer and the loss
            lap(&TrainPhaseSeconds::loss);
        }
        optimizer.zeroGrad();
        loss.backward();
        lap(&TrainPhaseSeconds::backward);
        optimizer.step(3e-4);
        lap(&TrainPhaseSeconds::optimizer);
        return loss.detach();
    }
};

}  // namespace

TrainBenchResult benchTraining(const BenchPreset& preset, const torch::Device& device, int steps, int warmup,
                               Precision precision, int phaseSteps,
                               const std::function<void(bool timing)>& aroundTimedSteps) {
    torch::manual_seed(0);
    const auto& c = preset.config;
    model::Gpt2Model gpt(c);
    gpt->to(device);
    gpt->train();
    const int64_t B = preset.batch, T = c.nPositions;
    BenchTrainer trainer(gpt, torch::randint(0, c.vocabSize, {B, T + 1}, torch::kLong).to(device), device, precision);
    TrainBenchResult result;
    result.cudaGraph = trainer.pass.usesCudaGraph();
    for (int i = 0; i < warmup; ++i) trainer.step();
    secondsSince(std::chrono::steady_clock::now(), device);  // drains queued GPU work before the clock starts
    if (aroundTimedSteps) aroundTimedSteps(true);
    const auto t0 = std::chrono::steady_clock::now();
    torch::Tensor loss;
    for (int i = 0; i < steps; ++i) loss = trainer.step();
    result.tokensPerSecond = static_cast<double>(B * T * steps) / secondsSince(t0, device);
    if (aroundTimedSteps) aroundTimedSteps(false);
    if (loss.defined()) result.lastLoss = loss.item<double>();
    // Phases are eager steps (a graph has none to time); they would unbind a graph's grads, so none then.
    if (phaseSteps > 0 && !result.cudaGraph) {
        TrainPhaseSeconds phases;
        for (int i = 0; i < phaseSteps; ++i) trainer.stepInPhases(phases);
        result.phaseMilliseconds = TrainPhaseSeconds{1e3 * phases.forward / phaseSteps, 1e3 * phases.loss / phaseSteps,
                                                     1e3 * phases.backward / phaseSteps, 1e3 * phases.optimizer / phaseSteps};
    }
    return result;
}

GenerateBenchResult benchGeneration(const BenchPreset& preset, const torch::Device& device) {
    torch::manual_seed(0);
    model::Gpt2Model gpt(preset.config);
    gpt->to(device);
    gpt->eval();
    GenerateBenchResult result;
    result.largeBatch = device.is_cuda() && preset.config.nLayer == 12 ? 16 : 8;
    model::SamplingOptions o;
    o.maxNewTokens = 64;
    o.stopAtEos = false;
    o.seed = 1;
    for (int batch : {1, result.largeBatch}) {
        auto prompt = torch::randint(0, preset.config.vocabSize, {16}, torch::kLong);
        std::vector<int> ids(prompt.data_ptr<int64_t>(), prompt.data_ptr<int64_t>() + 16);
        std::vector<std::vector<int>> prompts(static_cast<size_t>(batch), ids);
        model::generate(gpt, prompts, o);  // warm-up
        const auto t0 = std::chrono::steady_clock::now();
        model::generate(gpt, prompts, o);
        const double tps = batch * 64 / secondsSince(t0, device);
        (batch == 1 ? result.batch1TokensPerSecond : result.batch8TokensPerSecond) = tps;
    }
    return result;
}

}  // namespace rlhf::train
