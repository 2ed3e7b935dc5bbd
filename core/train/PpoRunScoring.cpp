// PpoRun's scoring of completions, shared by the training rollouts and the evaluation of validation
// prompts, and the PPO-ptx loss (PpoRun.h).
#include "train/PpoRun.h"

#include <torch/torch.h>

#include "model/CausalLmGeneration.h"
#include "model/Scoring.h"

namespace rlhf::train {

PpoRun::Scored PpoRun::score(const std::vector<std::vector<int>>& prompts, const std::vector<model::Completion>& completions) {
    Scored s;
    auto endsWithEos = torch::empty({static_cast<int64_t>(prompts.size())}, torch::kBool);
    s.r = rolloutRows(prompts, completions, endsWithEos);
    s.r.full = s.r.full.to(device_);
    s.r.responseIndex = s.r.responseIndex.to(device_);
    s.r.mask = s.r.mask.to(device_);
    s.endsWithEos = endsWithEos.to(device_);
    torch::NoGradGuard noGrad;
    policy_->module().eval();
    s.r.logProbs = responseLogProbs(*policy_, s.r.full, s.r.responseIndex) * s.r.mask;
    s.referenceLogProbs = responseLogProbs(*reference_, s.r.full, s.r.responseIndex) * s.r.mask;
    AutocastScope autocast(precision_, device_);
    const auto rewardIds = s.r.rewardIds.defined() ? s.r.rewardIds.to(device_) : s.r.full;
    const auto at = model::lastNotPadding(rewardIds, s.r.last, reward_->classifierPadTokenId());
    s.scores = model::scoresAt(reward_->hidden(rewardIds), rewardHead_, at).squeeze(1).to(torch::kFloat32);  // [B]
    return s;
}

// The first eval_prompts validation prompts, rolled out rollout_batch at a time with one seed for every
// evaluation (the curves then compare the policy, not the draw): mean score, summed KL to the reference
// and response length, as the training metrics are named with val_ in front.
std::map<std::string, double> PpoRun::evaluate() {
    double scoreSum = 0, klSum = 0, lengthSum = 0;
    const auto n = static_cast<int64_t>(validationPrompts_.size());
    for (int64_t start = 0; start < n; start += config_.rolloutBatch) {
        const std::vector<std::vector<int>> prompts(validationPrompts_.begin() + start,
                                                    validationPrompts_.begin() + std::min(n, start + config_.rolloutBatch));
        model::SamplingOptions sampling;
        sampling.maxNewTokens = config_.responseLength;
        sampling.temperature = config_.temperature;
        sampling.seed = config_.seed * 7919ULL + static_cast<uint64_t>(start);
        const Scored s = score(prompts, model::generateEach(*policy_, prompts, sampling, stopIds_));
        scoreSum += s.scores.sum().item<double>();
        klSum += (s.r.logProbs - s.referenceLogProbs).sum().item<double>();
        lengthSum += s.r.mask.sum().item<double>();
    }
    return {{"val_objective/scores", scoreSum / double(n)}, {"val_objective/kl", klSum / double(n)},
            {"val_response_length", lengthSum / double(n)}};
}

// −mean log-likelihood of ptx_batch windows of the pretraining text under the policy, drawn with a seed
// of this step and update (resumable).
torch::Tensor PpoRun::ptxLoss(int64_t step, int64_t update) {
    const auto windows = ptx_->windows(config_.ptxBatch, config_.seed * 0x2545F4914F6CDD1DULL + static_cast<uint64_t>(step) * 65537ULL +
                                                             static_cast<uint64_t>(update)).to(device_);
    const int64_t L = ptx_->length();
    AutocastScope autocast(precision_, device_);
    return -policy_->targetLogProbs(windows.narrow(1, 0, L), windows.narrow(1, 1, L)).to(torch::kFloat32).mean();
}

}  // namespace rlhf::train
