#include "train/PpoMath.h"

#include <algorithm>
#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::train {

namespace {
torch::Tensor asFloat(const torch::Tensor& mask, const torch::Tensor& like) { return mask.to(like.scalar_type()); }
}  // namespace

torch::Tensor maskedMean(const torch::Tensor& values, const torch::Tensor& mask) {
    const auto m = asFloat(mask, values);
    return (values * m).sum() / m.sum();
}

torch::Tensor maskedVariance(const torch::Tensor& values, const torch::Tensor& mask, bool unbiased) {
    const auto m = asFloat(mask, values);
    const auto mean = maskedMean(values, m);
    auto variance = maskedMean((values - mean).square(), m);
    if (unbiased) {
        const auto count = m.sum();
        variance = variance * count / (count - 1);
    }
    return variance;
}

torch::Tensor maskedWhiten(const torch::Tensor& values, const torch::Tensor& mask, bool shiftMean) {
    const auto mean = maskedMean(values, mask);
    auto whitened = (values - mean) * torch::rsqrt(maskedVariance(values, mask) + 1e-8);
    if (!shiftMean) whitened = whitened + mean;
    return whitened;
}

TokenRewards tokenRewards(const torch::Tensor& policyLogProbs, const torch::Tensor& referenceLogProbs,
                          const torch::Tensor& scores, const torch::Tensor& endsWithEos, const torch::Tensor& mask,
                          double beta, double missingEosPenalty) {
    const auto m = asFloat(mask, policyLogProbs);
    TokenRewards out;
    out.kl = (policyLogProbs - referenceLogProbs) * m;
    out.scores = scores - missingEosPenalty * endsWithEos.logical_not().to(scores.scalar_type());
    out.rewards = -beta * out.kl;
    // Each response's last real token: its count of real tokens − 1.
    const auto last = (m.sum(1).to(torch::kLong) - 1).clamp_min(0);
    const auto rows = torch::arange(m.size(0), last.options());
    out.rewards.index_put_({rows, last}, out.rewards.index({rows, last}) + out.scores.to(out.rewards.scalar_type()));
    return out;
}

Advantages generalisedAdvantages(const torch::Tensor& rewards, const torch::Tensor& values, const torch::Tensor& mask,
                                 double gamma, double lambda) {
    const auto m = asFloat(mask, values);
    const auto r = rewards * m, v = values * m;
    const int64_t T = r.size(1);
    std::vector<torch::Tensor> reversed;
    auto last = torch::zeros({r.size(0)}, r.options());
    for (int64_t t = T - 1; t >= 0; --t) {
        const auto next = t + 1 < T ? v.select(1, t + 1) : torch::zeros_like(last);
        const auto delta = r.select(1, t) + gamma * next - v.select(1, t);
        last = delta + gamma * lambda * last;
        reversed.push_back(last);
    }
    std::reverse(reversed.begin(), reversed.end());
    const auto advantages = torch::stack(reversed, 1);  // [B,T]
    Advantages out;
    out.returns = advantages + v;
    out.advantages = maskedWhiten(advantages, m) * m;
    return out;
}

ClippedLoss clippedPolicyLoss(const torch::Tensor& logProbs, const torch::Tensor& oldLogProbs,
                              const torch::Tensor& advantages, const torch::Tensor& mask, double epsilon) {
    const auto ratio = (logProbs - oldLogProbs).exp();
    const auto unclipped = -advantages * ratio;
    const auto clipped = -advantages * ratio.clamp(1.0 - epsilon, 1.0 + epsilon);
    return {maskedMean(torch::max(unclipped, clipped), mask), maskedMean(clipped.gt(unclipped).to(ratio.scalar_type()), mask).detach()};
}

ClippedLoss clippedValueLoss(const torch::Tensor& values, const torch::Tensor& oldValues, const torch::Tensor& returns,
                             const torch::Tensor& mask, double epsilon) {
    const auto clippedValues = torch::max(torch::min(values, oldValues + epsilon), oldValues - epsilon);
    const auto unclipped = (values - returns).square();
    const auto clipped = (clippedValues - returns).square();
    return {0.5 * maskedMean(torch::max(unclipped, clipped), mask),
            maskedMean(clipped.gt(unclipped).to(values.scalar_type()), mask).detach()};
}

AdaptiveKlController::AdaptiveKlController(double initialBeta, double target, double horizon)
    : beta_(initialBeta), target_(target), horizon_(horizon) {
    if (!(initialBeta >= 0) || !(target > 0) || !(horizon > 0))
        throw std::invalid_argument("adaptive KL: beta must be >= 0, target and horizon above 0");
}

void AdaptiveKlController::update(double kl, int64_t n) {
    const double error = std::clamp(kl / target_ - 1.0, -0.2, 0.2);
    beta_ *= 1.0 + error * static_cast<double>(n) / horizon_;
}

}  // namespace rlhf::train
