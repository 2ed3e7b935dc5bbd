#pragma once
// The PPO stage as a job for OpenRLHF (`rlhf export-job --stage ppo`): the run's settings as the
// arguments of OpenRLHF's `python3 -m openrlhf.cli.train_ppo_ray` (its dotted options, OpenRLHF 0.11),
// a bash file holding them, and the launch script that submits the job to a Ray cluster.
//
// Mapping: model → actor.model_name_or_path (the reference too); reward_model → reward.model_name_or_path
// and critic.model_name_or_path (the value model starts from it, as here); response_length →
// rollout.max_new_tokens; temperature → rollout.temperature (top_p 1); rollout_batch → rollout.batch_size;
// mini_batch → train.batch_size; ppo_epochs → train.max_epochs; kl_coef → algo.kl.init_coef; kl_target
// (> 0) → algo.kl.target with algo.kl.horizon; clip → actor.eps_clip; value_clip → critic.value_clip;
// gamma, lam → algo.advantage.gamma, lambd (estimator gae); lr → actor.adam.lr and critic.adam.lr;
// schedule cosine → cosine_with_min_lr with min_lr_ratio = min_lr / lr, constant → constant_with_warmup,
// linear → linear (min_lr 0 only); warmup_steps → lr_warmup_ratio = warmup_steps / max_steps;
// weight_decay → adam.weight_decay; grad_clip → max_norm; max_steps → train.num_episodes (the fewest
// passes over the prompts that hold max_steps × rollout_batch) and data.max_samples (an equal share
// of those per pass, so rollout batches = episodes × samples / rollout_batch ≈ max_steps);
// checkpoint_every → ckpt.save_steps; eval_every → eval.steps with the validation prompts; seed →
// train.seed; precision → ds.param_dtype bf16 (OpenRLHF trains in bf16 or fp16 only).
// Not mapped: vf_coef (OpenRLHF's critic has its own optimiser), ratio_threshold (TRL's heuristic),
// eval_prompts. Refused: missing_eos_penalty and ptx_coef other than 0, which OpenRLHF's PPO lacks.

#include <cstdint>
#include <string>
#include <vector>

#include "train/PpoConfig.h"

namespace rlhf::train {

struct CommandArgument {
    std::string name;   // "--actor.adam.lr"
    std::string value;  // empty: a flag
};

struct OpenRlhfPrompts {
    std::string trainFile, evalFile;  // evalFile empty: no evaluation
    int64_t trainCount = 0;
};

// Throws std::invalid_argument for settings OpenRLHF cannot take.
std::vector<CommandArgument> openRlhfPpoArguments(const PpoConfig& config, const OpenRlhfPrompts& prompts,
                                                  const std::string& outputDir);

// A bash file defining ARGS=( … ), one argument per line, values single-quoted.
std::string openRlhfArgumentsScript(const std::vector<CommandArgument>& arguments, const std::string& origin);

// The launch script: `ray job submit --address $RAY_ADDRESS --runtime-env-json '{"working_dir": "."}' --
// python3 -m openrlhf.cli.train_ppo_ray "${ARGS[@]}" <placement> "$@"`, run from its own directory.
std::string openRlhfLaunchScript(const std::string& origin);

}  // namespace rlhf::train
