#include "train/DpoLoss.h"

#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::train {

DpoResult dpoLoss(const torch::Tensor& policyChosen, const torch::Tensor& policyRejected, const torch::Tensor& referenceChosen,
                  const torch::Tensor& referenceRejected, const DpoOptions& o) {
    if (policyChosen.dim() != 1 || policyRejected.sizes() != policyChosen.sizes() ||
        referenceChosen.sizes() != policyChosen.sizes() || referenceRejected.sizes() != policyChosen.sizes())
        throw std::invalid_argument("DPO needs four [B] tensors of summed log-probs");
    if (!(o.beta > 0)) throw std::invalid_argument("DPO beta must be positive");
    if (o.labelSmoothing < 0 || o.labelSmoothing >= 0.5)
        throw std::invalid_argument("DPO label smoothing must be in [0, 0.5)");
    const auto pc = policyChosen.to(torch::kFloat64), pr = policyRejected.to(torch::kFloat64);
    const auto rc = referenceChosen.to(torch::kFloat64).detach(), rr = referenceRejected.to(torch::kFloat64).detach();
    const auto h = (pc - pr) - (rc - rr);  // [B]: how much more the policy prefers chosen than the reference does
    torch::Tensor losses;
    if (o.type == DpoLossType::Ipo) {
        losses = (h - 1.0 / (2.0 * o.beta)).pow(2);
    } else {
        losses = -torch::log_sigmoid(o.beta * h) * (1.0 - o.labelSmoothing) - torch::log_sigmoid(-o.beta * h) * o.labelSmoothing;
    }
    DpoResult result;
    result.loss = losses.mean().to(policyChosen.scalar_type());
    torch::NoGradGuard noGrad;
    const auto chosenRewards = o.beta * (pc - rc), rejectedRewards = o.beta * (pr - rr);  // implicit rewards, [B]
    result.metrics = {{"rewards/chosen", chosenRewards.mean().item<double>()},
                      {"rewards/rejected", rejectedRewards.mean().item<double>()},
                      {"rewards/accuracies", (chosenRewards > rejectedRewards).to(torch::kFloat64).mean().item<double>()},
                      {"rewards/margins", (chosenRewards - rejectedRewards).mean().item<double>()},
                      {"logps/chosen", pc.mean().item<double>()},
                      {"logps/rejected", pr.mean().item<double>()}};
    return result;
}

}  // namespace rlhf::train
