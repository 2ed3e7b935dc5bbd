#pragma once
// The metrics each stage leads with, with their short labels: the command line's progress line shows them
// first, and the workbench's runs list and curves open on the first (pretraining and SFT: loss; reward
// model: loss, accuracy, margin; DPO: loss and its rewards' accuracy and margin; PPO: score, KL, policy
// loss). `kind` is a run kind (pretrain, sft, rm, dpo, ppo); std::out_of_range for any other.

#include <string>
#include <utility>
#include <vector>

namespace rlhf::train {

using StageHeadlines = std::vector<std::pair<std::string, std::string>>;  // metric name, label
const StageHeadlines& stageHeadlines(const std::string& kind);

}  // namespace rlhf::train
