#pragma once
// The log of a run trained elsewhere: a Hugging Face Trainer's trainer_state.json, as transformers and TRL
// (SFTTrainer, RewardTrainer, DPOTrainer, PPO) write it in each checkpoint-N/ folder and with save_state():
// global_step, epoch and log_history, a list of {"step": N, metric: value, …} entries (training logs,
// evaluations, and a last summary entry with train_runtime, train_loss, total_flos …).
// Metric names become the workbench's where they differ: learning_rate → lr, eval_X → val_X (the
// evaluations' runtime figures are dropped); TRL's own names (rewards/margins, objective/kl …) are ours
// already. The summary entry's values are kept apart.

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::train {

struct TrainerStateLog {
    int64_t globalStep = 0;
    double epoch = 0;
    std::map<int64_t, std::map<std::string, double>> steps;  // step → the workbench's metric names → values
    nlohmann::json summary = nlohmann::json::object();     // the summary entry's fields (train_runtime …)

    // Throws std::invalid_argument naming the file and the entry (log_history[i]) that is wrong.
    static TrainerStateLog read(const std::string& path);

    // The stage its metrics say it was: dpo (rewards/margins …), ppo (objective/kl …), else sft; a
    // checkpoint with a score head is a reward model (rm) whatever its log says.
    std::string guessStage(bool hasScoreHead) const;
};

// The workbench's name for a Trainer log key, or "" for keys that are not curves (runtimes, flos).
std::string workbenchMetricName(const std::string& trainerKey);

}  // namespace rlhf::train
