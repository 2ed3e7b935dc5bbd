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
// checkpoint_every → ckpt.save_steps; seed → train.seed; precision → ds.param_dtype bf16 (OpenRLHF
// trains in bf16 or fp16 only); the policy's context → data.max_len (vLLM's max_model_len).
// Not mapped: max_prompt_length (OpenRLHF bounds a prompt and its response together by data.max_len),
// vf_coef (OpenRLHF's critic has its own optimiser), ratio_threshold (TRL's heuristic), eval_every and
// eval_prompts (OpenRLHF evaluates only with a remote reward function).
// Refused: missing_eos_penalty and ptx_coef other than 0, which OpenRLHF's PPO lacks.

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
    std::string trainFile;
    int64_t trainCount = 0;
    int64_t maxLength = 0;  // prompt + response tokens at most: the policy's context (0: OpenRLHF's default)
    bool chatTemplate = false;  // the prompts are message lists for the policy's chat template (--data.apply_chat_template)
};

// Throws std::invalid_argument for settings OpenRLHF cannot take.
std::vector<CommandArgument> openRlhfPpoArguments(const PpoConfig& config, const OpenRlhfPrompts& prompts);

// A bash file defining ARGS=( … ), one argument per line, values single-quoted, and the two batch sizes
// launch.sh checks against the GPUs (ROLLOUT_BATCH, TRAIN_BATCH).
std::string openRlhfArgumentsScript(const std::vector<CommandArgument>& arguments, const PpoConfig& config,
                                    const std::string& origin);

// The launch script: checks OUTPUT_DIR (absolute: the job runs in Ray's copy of its folder) and the
// batches against NODES × GPUS_PER_NODE, then `ray job submit --address $RAY_ADDRESS --runtime-env-json
// '{"working_dir": "."}' -- python3 -m openrlhf.cli.train_ppo_ray "${ARGS[@]}" <output, placement> "$@"`.
std::string openRlhfLaunchScript(const std::string& origin);

}  // namespace rlhf::train
