#pragma once
// The DPO family of preference losses on summed response log-probs (architecture §5; Rafailov et al. 2023,
// and as TRL's DPOTrainer computes them): sigmoid (DPO), cDPO (sigmoid with label smoothing: the label
// is flipped with that probability) and IPO (Azar et al. 2023). Metrics carry TRL's names.

#include <map>
#include <string>

#include <torch/types.h>

#include "train/DpoOptions.h"

namespace rlhf::train {

struct DpoResult {
    torch::Tensor loss;                      // scalar, mean over the batch, differentiable in the policy log-probs
    std::map<std::string, double> metrics;   // rewards/chosen, rewards/rejected, rewards/accuracies,
                                             // rewards/margins, logps/chosen, logps/rejected (batch means)
};

// Each [B]: summed log-probs of the chosen and rejected responses under the policy and the frozen
// reference. Throws std::invalid_argument for mismatched shapes or options out of range.
DpoResult dpoLoss(const torch::Tensor& policyChosen, const torch::Tensor& policyRejected, const torch::Tensor& referenceChosen,
                  const torch::Tensor& referenceRejected, const DpoOptions& options);

}  // namespace rlhf::train
