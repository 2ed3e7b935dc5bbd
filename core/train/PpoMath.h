#pragma once
// The arithmetic of PPO for language models (architecture §5 PPO), as TRL's PPOTrainer computes it, apart
// from any model (the PPO trainer itself is not built yet): per-token rewards (−β·KL plus the reward
// model's score on the last token, a penalty for a missing EOS), GAE advantages and returns, masked
// whitening, the clipped policy and value losses, and Ziegler's adaptive KL coefficient. One difference
// from TRL: the score goes on a response's last real token (architecture §5); TRL adds it one
// position later where there is one (and keeps that position's value). Shapes: [B,T] over the response tokens of B rollouts, `mask` 1 on a
// response's real tokens and 0 on the padding after it (float or bool).

#include <cstdint>

#include <torch/types.h>

namespace rlhf::train {

// Masked mean; with unbiased, the variance is Bessel-corrected as TRL's masked_var is.
torch::Tensor maskedMean(const torch::Tensor& values, const torch::Tensor& mask);
torch::Tensor maskedVariance(const torch::Tensor& values, const torch::Tensor& mask, bool unbiased = true);
// (values − mean) / sqrt(var + 1e-8) over the masked entries; shiftMean false adds the mean back.
torch::Tensor maskedWhiten(const torch::Tensor& values, const torch::Tensor& mask, bool shiftMean = true);

struct TokenRewards {
    torch::Tensor rewards;      // [B,T]: −β·(logp − logp_ref) on real tokens, plus the score on each last token
    torch::Tensor kl;           // [B,T]: logp − logp_ref on real tokens, 0 on padding
    torch::Tensor scores;       // [B]: the scores after the missing-EOS penalty
};
// policyLogProbs, referenceLogProbs [B,T]; scores [B] from the reward model; endsWithEos [B] bool.
// missingEosPenalty (>= 0) is subtracted from the score of a response that did not end with EOS.
TokenRewards tokenRewards(const torch::Tensor& policyLogProbs, const torch::Tensor& referenceLogProbs,
                          const torch::Tensor& scores, const torch::Tensor& endsWithEos, const torch::Tensor& mask,
                          double beta, double missingEosPenalty);

struct Advantages {
    torch::Tensor advantages;  // [B,T], whitened over the real tokens, 0 on padding
    torch::Tensor returns;     // [B,T]: the advantages before whitening plus the values
};
// Generalised advantage estimation (γ, λ) from rewards and values [B,T]; padding's rewards and values
// count as 0.
Advantages generalisedAdvantages(const torch::Tensor& rewards, const torch::Tensor& values, const torch::Tensor& mask,
                                 double gamma, double lambda);

struct ClippedLoss {
    torch::Tensor loss;          // scalar, differentiable
    torch::Tensor clipFraction;  // scalar: share of real tokens where the clipped term was taken
};
// −A·ratio against −A·clip(ratio, 1 ± epsilon), the larger per token, meaned over real tokens.
ClippedLoss clippedPolicyLoss(const torch::Tensor& logProbs, const torch::Tensor& oldLogProbs,
                              const torch::Tensor& advantages, const torch::Tensor& mask, double epsilon);
// ½·max((v − R)², (clip(v, v_old ± epsilon) − R)²), meaned over real tokens.
ClippedLoss clippedValueLoss(const torch::Tensor& values, const torch::Tensor& oldValues, const torch::Tensor& returns,
                             const torch::Tensor& mask, double epsilon);

// Ziegler et al.'s adaptive KL coefficient: β ← β·(1 + clip(KL/target − 1, ±0.2)·n/horizon).
class AdaptiveKlController {
public:
    AdaptiveKlController(double initialBeta, double target, double horizon);
    double beta() const { return beta_; }
    // After a batch of n rollouts whose mean summed KL was `kl`.
    void update(double kl, int64_t n);

private:
    double beta_, target_, horizon_;
};

}  // namespace rlhf::train
