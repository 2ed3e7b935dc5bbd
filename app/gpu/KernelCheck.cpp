// rlhf-gpu-kernel-check: our CUDA code paths against ATen references on random inputs, on the GPU.
// Also trains a small GPT-2 for five steps eagerly and under a CUDA graph and compares the two.
// Built only with a CUDA LibTorch (scripts/gpu-check runs it; CI machines have no GPU). Prints one JSON
// line per case and exits 1 if any case is off.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "model/Generation.h"
#include "model/Gpt2Model.h"
#include "model/TokenLogProbs.h"
#include "train/AdamW.h"
#include "train/GptBench.h"
#include "train/GradientClipping.h"
#include "train/GradientPass.h"
#include "train/Precision.h"

namespace {

using rlhf::model::tokenLogProbs;

struct LossCase {
    int64_t rows, vocab, columns;
    torch::ScalarType type;
    double temperature;
};

double maxAbs(const torch::Tensor& t) { return t.numel() ? t.abs().max().item<double>() : 0.0; }

// The fused log-probs and their gradient against log_softmax in float64 over the real columns.
bool checkLossCase(const LossCase& c) {
    const auto dev = torch::Device(torch::kCUDA);
    auto base = (torch::randn({c.rows, c.columns}, torch::dtype(torch::kFloat64).device(dev)) * 4).to(c.type);
    auto targets = torch::randint(0, c.vocab, {c.rows}, torch::dtype(torch::kLong).device(dev));
    auto upstream = torch::randn({c.rows}, torch::dtype(torch::kFloat32).device(dev));
    auto logits = base.clone().requires_grad_(true);
    auto ours = tokenLogProbs(logits, targets, c.temperature, c.vocab);
    auto grad = torch::autograd::grad({(ours * upstream).sum()}, {logits})[0];
    auto ref64 = base.to(torch::kFloat64).requires_grad_(true);
    auto ref = (ref64.narrow(1, 0, c.vocab) / c.temperature).log_softmax(-1).gather(1, targets.unsqueeze(1)).squeeze(1);
    auto refGrad = torch::autograd::grad({(ref * upstream.to(torch::kFloat64)).sum()}, {ref64})[0];
    const double valueError = maxAbs(ours.to(torch::kFloat64) - ref);
    const double gradScale = std::max(1e-12, maxAbs(refGrad));
    const double gradError = maxAbs(grad.to(torch::kFloat64) - refGrad) / gradScale;
    const double padding = c.columns > c.vocab ? maxAbs(grad.narrow(1, c.vocab, c.columns - c.vocab).to(torch::kFloat64)) : 0.0;
    const double gradTolerance = c.type == torch::kFloat32 ? 1e-5 : 1e-2;  // one rounding of the gradient's type
    const bool ok = valueError < 1e-4 && gradError < gradTolerance && padding == 0.0;
    std::printf("{\"check\": \"token_log_probs\", \"rows\": %lld, \"vocab\": %lld, \"columns\": %lld, \"type\": \"%s\", "
                "\"temperature\": %g, \"max_logp_error\": %.3g, \"max_grad_error_rel\": %.3g, \"padding_grad\": %g, "
                "\"ok\": %s}\n",
                static_cast<long long>(c.rows), static_cast<long long>(c.vocab), static_cast<long long>(c.columns),
                std::string(c10::toString(c.type)).c_str(), c.temperature, valueError, gradError, padding,
                ok ? "true" : "false");
    return ok;
}

// Three steps of the fused AdamW against the foreach one on the same parameters and gradients; the
// second divides the gradients by a device scalar (as clipping does).
bool checkAdamW() {
    const auto dev = torch::Device(torch::kCUDA);
    std::vector<torch::Tensor> a, b;
    for (auto shape : {std::vector<int64_t>{50257, 64}, std::vector<int64_t>{768}, std::vector<int64_t>{3, 5}}) {
        auto p = torch::randn(shape, torch::dtype(torch::kFloat32).device(dev));
        a.push_back(p.clone().requires_grad_(true));
        b.push_back(p.clone().requires_grad_(true));
    }
    rlhf::train::AdamWOptions fusedOptions, foreachOptions;
    foreachOptions.fusedOnCuda = false;
    rlhf::train::AdamW fused(a, fusedOptions), foreach_(b, foreachOptions);
    for (int step = 0; step < 3; ++step) {
        for (size_t i = 0; i < a.size(); ++i) {
            auto g = torch::randn(a[i].sizes(), a[i].options());
            a[i].mutable_grad() = g.clone();
            b[i].mutable_grad() = g.clone();
        }
        const auto divisor = step == 1 ? torch::full({}, 2.5, a[0].options()) : torch::Tensor();
        fused.step(1e-3 * (step + 1), divisor);
        foreach_.step(1e-3 * (step + 1), divisor);
    }
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, maxAbs(a[i].detach() - b[i].detach()));
    const bool ok = worst < 1e-6;
    std::printf("{\"check\": \"fused_adamw\", \"max_param_difference\": %.3g, \"ok\": %s}\n", worst, ok ? "true" : "false");
    return ok;
}

// Generation's sampling (no host synchronisation) against torch::multinomial from the same generator state.
bool checkSampling() {
    auto probs = torch::rand({16, 50257}, torch::dtype(torch::kFloat32).device(torch::kCUDA)).pow(8);
    torch::manual_seed(5);
    const auto ours = rlhf::model::sampleOnePerRow(probs);
    torch::manual_seed(5);
    const auto theirs = torch::multinomial(probs, 1).squeeze(1);
    const bool ok = torch::equal(ours, theirs);
    std::printf("{\"check\": \"sampling_as_multinomial\", \"ok\": %s}\n", ok ? "true" : "false");
    return ok;
}

// Greedy decoding of a left-padded batch replaying the CUDA graph, against eager decoding of the batch and
// of each prompt alone.
bool checkPaddedGraphDecoding() {
    const auto dev = torch::Device(torch::kCUDA);
    torch::manual_seed(3);
    rlhf::model::Gpt2Model gpt(rlhf::train::benchPreset("small", dev).config);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : gpt->parameters()) p.normal_(0.0, 0.3);  // logits that spread, so errors show
    }
    gpt->to(dev);
    rlhf::model::SamplingOptions o;
    o.greedy = true;
    o.maxNewTokens = 12;
    o.stopAtEos = false;
    const std::vector<std::vector<int>> prompts = {{5, 6, 7}, {8, 9, 10, 11, 12, 13, 14}};
    const auto graph = rlhf::model::generate(gpt, prompts, o);
    setenv("RLHF_NO_CUDA_GRAPHS", "1", 1);
    const auto eager = rlhf::model::generate(gpt, prompts, o);
    unsetenv("RLHF_NO_CUDA_GRAPHS");
    bool ok = true;
    for (size_t i = 0; i < prompts.size(); ++i)
        ok = ok && graph[i].ids == eager[i].ids && graph[i].ids == rlhf::model::generate(gpt, {prompts[i]}, o)[0].ids;
    std::printf("{\"check\": \"padded_graph_decoding\", \"ok\": %s}\n", ok ? "true" : "false");
    return ok;
}

struct TrainedCurve {
    std::vector<double> losses;
    std::vector<torch::Tensor> parameters;
    bool graph = false;
};

// Five clipped AdamW steps of the small preset's GPT-2 in bf16, two micro-batches each, from seeded
// weights on seeded batches: through GradientPass eagerly or replaying its CUDA graph. The third step's
// sequences are half as long, so under the graph it runs eagerly into the graph's grads between replays.
TrainedCurve trainSmall(bool graph) {
    if (graph) unsetenv("RLHF_NO_CUDA_GRAPH_TRAINING");
    else setenv("RLHF_NO_CUDA_GRAPH_TRAINING", "1", 1);
    const auto dev = torch::Device(torch::kCUDA);
    const auto config = rlhf::train::benchPreset("small", dev).config;
    torch::manual_seed(7);
    rlhf::model::Gpt2Model gpt(config);
    gpt->to(dev);
    gpt->train();
    rlhf::train::AdamW optimizer(gpt->parameters(), {});
    auto loss = [&](const torch::Tensor& x, const torch::Tensor& y) {
        rlhf::train::AutocastScope autocast(rlhf::train::Precision::Bf16, dev);
        return rlhf::model::tokenCrossEntropy(gpt->lossLogits(x).reshape({y.numel(), -1}), y.reshape({-1}),
                                              rlhf::model::LossReduction::Mean, -100, config.vocabSize);
    };
    rlhf::train::GradientPass pass(gpt->parameters(), loss, dev);
    TrainedCurve curve;
    curve.graph = pass.usesCudaGraph();
    torch::manual_seed(8);
    for (int step = 0; step < 5; ++step) {
        const int64_t T = step == 2 ? config.nPositions / 2 : config.nPositions;
        auto tokens = torch::randint(0, config.vocabSize, {2, 4, T + 1}, torch::dtype(torch::kLong).device(dev));
        std::vector<torch::Tensor> inputs, targets;
        for (int m = 0; m < 2; ++m) {
            inputs.push_back(tokens[m].narrow(1, 0, T));
            targets.push_back(tokens[m].narrow(1, 1, T));
        }
        auto meanLoss = pass.run(inputs, targets);
        optimizer.step(1e-3, rlhf::train::clipDivisor(rlhf::train::gradientNorm(gpt->parameters()), 1.0));
        curve.losses.push_back(meanLoss.item<double>());
    }
    for (const auto& p : gpt->parameters()) curve.parameters.push_back(p.detach().clone());
    curve.graph = curve.graph && pass.usesCudaGraph();  // still: the capture did not fail
    unsetenv("RLHF_NO_CUDA_GRAPH_TRAINING");
    return curve;
}

bool checkGraphTraining() {
    TrainedCurve eager, graph;
    try {
        eager = trainSmall(false);
        graph = trainSmall(true);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cuda_graph_training: %s\n", e.what());
        std::printf("{\"check\": \"cuda_graph_training\", \"error\": true, \"ok\": false}\n");
        return false;
    }
    double lossDifference = 0, parameterDifference = 0;
    for (size_t i = 0; i < eager.losses.size(); ++i)
        lossDifference = std::max(lossDifference, std::abs(eager.losses[i] - graph.losses[i]));
    for (size_t i = 0; i < eager.parameters.size(); ++i)
        parameterDifference = std::max(parameterDifference, maxAbs(eager.parameters[i] - graph.parameters[i]));
    const bool ok = graph.graph && !eager.graph && lossDifference < 1e-3;
    std::printf("{\"check\": \"cuda_graph_training\", \"eager_losses\": [%.5f, %.5f], \"graph_losses\": [%.5f, %.5f], "
                "\"max_loss_difference\": %.3g, \"max_parameter_difference\": %.3g, \"ok\": %s}\n",
                eager.losses.front(), eager.losses.back(), graph.losses.front(), graph.losses.back(), lossDifference,
                parameterDifference, ok ? "true" : "false");
    return ok;
}

}  // namespace

int main() {
    if (!torch::cuda::is_available()) {
        std::fprintf(stderr, "rlhf-gpu-kernel-check: no CUDA device\n");
        return 2;
    }
    torch::manual_seed(0);
    const std::vector<LossCase> cases = {
        {256, 50257, 50304, torch::kBFloat16, 1.0},  // the padded training layout, 16-byte rows
        {64, 50257, 50257, torch::kBFloat16, 1.0},   // unpadded: odd rows, element-wise path
        {33, 1000, 1000, torch::kFloat32, 0.7},
        {17, 8192, 8192, torch::kFloat16, 1.0},
        {5, 3, 64, torch::kFloat32, 1.3},
        {3, 100000, 100032, torch::kFloat32, 1.0},
    };
    bool ok = true;
    for (const auto& c : cases) ok = checkLossCase(c) && ok;
    ok = checkAdamW() && ok;
    ok = checkSampling() && ok;
    ok = checkPaddedGraphDecoding() && ok;
    ok = checkGraphTraining() && ok;
    return ok ? 0 : 1;
}
