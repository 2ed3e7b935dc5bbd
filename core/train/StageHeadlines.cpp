#include "train/StageHeadlines.h"

#include <map>

namespace rlhf::train {

const StageHeadlines& stageHeadlines(const std::string& kind) {
    static const std::map<std::string, StageHeadlines> byStage = {
        {"pretrain", {{"loss", "loss"}}},
        {"sft", {{"loss", "loss"}}},
        {"rm", {{"loss", "loss"}, {"accuracy", "accuracy"}, {"margin", "margin"}}},
        {"dpo", {{"loss", "loss"}, {"rewards/accuracies", "accuracy"}, {"rewards/margins", "margin"}}},
        {"ppo", {{"objective/scores", "score"}, {"objective/kl", "kl"}, {"loss/policy_avg", "policy_loss"}}},
    };
    return byStage.at(kind);
}

}  // namespace rlhf::train
