#include "train/PreferenceBench.h"

#include <chrono>
#include <functional>

#include <torch/torch.h>

#include "model/Gpt2Model.h"
#include "model/Scoring.h"
#include "train/AdamW.h"
#include "train/DpoLoss.h"
#include "train/ResponseRows.h"

namespace rlhf::train {

namespace {

// [2P, T] on `device`: P chosen rows, then P rejected rows sharing their prompts (the first T/2 tokens).
torch::Tensor pairRows(const model::Gpt2Config& c, int pairs, const torch::Device& device) {
    const int64_t T = c.nPositions, half = T / 2;
    const auto prompt = torch::randint(0, c.vocabSize, {pairs, half}, torch::kLong);
    const auto chosen = torch::cat({prompt, torch::randint(0, c.vocabSize, {pairs, T - half}, torch::kLong)}, 1);
    const auto rejected = torch::cat({prompt, torch::randint(0, c.vocabSize, {pairs, T - half}, torch::kLong)}, 1);
    return torch::cat({chosen, rejected}).to(device);
}

// Runs `step` warmup + steps times; pairs per second over the timed steps.
PreferenceBenchResult timeSteps(int pairsPerStep, int steps, int warmup, const torch::Device& device,
                                const std::function<torch::Tensor()>& step) {
    for (int i = 0; i < warmup; ++i) step();
    secondsSince(std::chrono::steady_clock::now(), device);  // drains queued GPU work before the clock starts
    const auto t0 = std::chrono::steady_clock::now();
    torch::Tensor loss;
    for (int i = 0; i < steps; ++i) loss = step();
    PreferenceBenchResult r;
    r.pairsPerSecond = static_cast<double>(pairsPerStep) * steps / secondsSince(t0, device);
    r.lastLoss = loss.item<double>();
    return r;
}

}  // namespace

PreferenceBenchResult benchDpo(const BenchPreset& preset, const torch::Device& device, int pairsPerStep, int steps, int warmup,
                               Precision precision) {
    const auto& c = preset.config;
    torch::manual_seed(0);
    model::Gpt2Model policy(c);
    torch::manual_seed(0);
    model::Gpt2Model reference(c);  // the policy before any update, frozen
    policy->to(device);
    reference->to(device);
    reference->eval();
    const auto rows = pairRows(c, pairsPerStep, device);
    const int64_t half = c.nPositions / 2;
    const auto input = rows.narrow(1, 0, rows.size(1) - 1);
    auto target = rows.narrow(1, 1, rows.size(1) - 1).clone();
    target.narrow(1, 0, half - 1).fill_(-1);  // the response's tokens are the targets, as in a DPO run's rows
    AdamW optimizer(policy->parameters(), AdamWOptions{5e-7});
    const int64_t P = pairsPerStep;
    model::CausalLm policyLm(policy), referenceLm(reference);
    return timeSteps(pairsPerStep, steps, warmup, device, [&] {
        torch::Tensor referenceSums;
        {
            torch::NoGradGuard noGrad;
            AutocastScope autocast(precision, device);
            referenceSums = responseLogProbSums(referenceLm, input, target);
        }
        policy->train();
        setGradsToNone(policy->parameters());
        torch::Tensor sums;
        {
            AutocastScope autocast(precision, device);
            sums = responseLogProbSums(policyLm, input, target);  // [2P]
        }
        const auto result = dpoLoss(sums.narrow(0, 0, P), sums.narrow(0, P, P), referenceSums.narrow(0, 0, P),
                                   referenceSums.narrow(0, P, P), {});
        result.loss.backward();
        optimizer.step(5e-7);
        return result.loss.detach();
    });
}

PreferenceBenchResult benchRewardModel(const BenchPreset& preset, const torch::Device& device, int pairsPerStep, int steps,
                                       int warmup, Precision precision) {
    torch::manual_seed(0);
    const auto& c = preset.config;
    model::Gpt2Model backbone(c);
    backbone->to(device);
    backbone->train();
    auto score = (torch::randn({1, c.nEmbd}) * 0.02).to(device).set_requires_grad(true);
    auto parameters = backbone->parameters();
    parameters.push_back(score);
    AdamW optimizer(parameters, AdamWOptions{1e-5});
    const auto rows = pairRows(c, pairsPerStep, device);
    const auto last = torch::full({rows.size(0)}, c.nPositions - 1, torch::kLong);
    const int64_t P = pairsPerStep;
    return timeSteps(pairsPerStep, steps, warmup, device, [&] {
        setGradsToNone(parameters);
        torch::Tensor r;
        {
            AutocastScope autocast(precision, device);
            r = model::scoresAt(backbone->hidden(rows), score, last).squeeze(1).to(torch::kFloat32);  // [2P]
        }
        const auto loss = -torch::log_sigmoid(r.narrow(0, 0, P) - r.narrow(0, P, P)).mean();
        loss.backward();
        optimizer.step(1e-5);
        return loss.detach();
    });
}

}  // namespace rlhf::train
