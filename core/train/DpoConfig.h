#pragma once
// Settings of a DPO run (architecture §5 DPO): a fine-tuning run's (FineTuneConfig, with lr 1e-6 and one epoch
// by default; `model` is the policy to start from and the frozen reference) plus the loss's own; JSON
// keys as written in --config files and --set.

#include <nlohmann/json.hpp>

#include "train/DpoOptions.h"
#include "train/FineTuneConfig.h"

namespace rlhf::train {

struct DpoConfig : FineTuneConfig {
    double beta = 0.1;                 // beta: strength of the implicit KL to the reference
    std::string lossType = "sigmoid";  // loss_type: sigmoid (DPO; with label_smoothing, cDPO) or ipo
    double labelSmoothing = 0.0;       // label_smoothing: cDPO's probability that a label is flipped (sigmoid only)

    DpoConfig();  // TRL's DPO defaults: lr 1e-6, one epoch
    DpoOptions lossOptions() const;
    nlohmann::json toJson() const;
    // Unknown keys, wrong types and out-of-range values throw std::invalid_argument naming the key.
    static DpoConfig fromJson(const nlohmann::json& j, const std::string& origin);
};

}  // namespace rlhf::train
