#include "train/OpenRlhfJob.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace rlhf::train {

namespace {

std::string number(double v) {
    std::ostringstream s;
    s.precision(10);
    s << v;
    return s.str();
}

// Single-quoted for bash: ' becomes '\''.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void checkMappable(const PpoConfig& c) {
    if (c.missingEosPenalty != 0)
        throw std::invalid_argument("missing_eos_penalty " + number(c.missingEosPenalty) +
                                    ": OpenRLHF's PPO has no such penalty (set it to 0 for the export)");
    if (c.ptxCoef != 0)
        throw std::invalid_argument("ptx_coef " + number(c.ptxCoef) + ": OpenRLHF's PPO has no pretraining term (set it to 0 for the export)");
    if (c.schedule == "linear" && c.minLr > 0)
        throw std::invalid_argument("schedule linear with min_lr > 0 has no OpenRLHF scheduler (use cosine, or min_lr 0)");
}

// The optimiser and schedule of one model (actor or critic), under its prefix.
void addOptimiser(std::vector<CommandArgument>& a, const std::string& prefix, const PpoConfig& c) {
    a.push_back({"--" + prefix + ".adam.lr", number(c.lr)});
    a.push_back({"--" + prefix + ".adam.weight_decay", number(c.weightDecay)});
    a.push_back({"--" + prefix + ".max_norm", number(c.gradClip)});
    const std::string scheduler = c.schedule == "cosine" ? "cosine_with_min_lr" : c.schedule == "constant" ? "constant_with_warmup" : "linear";
    a.push_back({"--" + prefix + ".lr_scheduler", scheduler});
    a.push_back({"--" + prefix + ".min_lr_ratio", number(c.lr > 0 ? c.minLr / c.lr : 0.0)});
    a.push_back({"--" + prefix + ".lr_warmup_ratio", number(c.maxSteps > 0 ? static_cast<double>(c.warmupSteps) / static_cast<double>(c.maxSteps) : 0.0)});
}

}  // namespace

std::vector<CommandArgument> openRlhfPpoArguments(const PpoConfig& c, const OpenRlhfPrompts& prompts) {
    checkMappable(c);
    if (prompts.trainCount <= 0) throw std::invalid_argument("no prompts in the train split to roll out");
    std::vector<CommandArgument> a = {
        {"--actor.model_name_or_path", c.model},
        {"--reward.model_name_or_path", c.rewardModel},
        {"--critic.model_name_or_path", c.rewardModel},
        {"--data.prompt_dataset", prompts.trainFile},
        {"--data.input_key", "prompt"},
        {"--rollout.max_new_tokens", std::to_string(c.responseLength)},
        {"--rollout.temperature", number(c.temperature)},
        {"--rollout.top_p", "1"},
        {"--rollout.batch_size", std::to_string(c.rolloutBatch)},
        {"--rollout.n_samples_per_prompt", "1"},
        {"--train.batch_size", std::to_string(c.miniBatch)},
        {"--train.max_epochs", std::to_string(c.ppoEpochs)},
        {"--algo.advantage.estimator", "gae"},
        {"--algo.advantage.gamma", number(c.gamma)},
        {"--algo.advantage.lambd", number(c.lam)},
        {"--algo.kl.init_coef", number(c.klCoef)},
        {"--actor.eps_clip", number(c.clip)},
        {"--critic.value_clip", number(c.valueClip)},
    };
    if (c.klTarget > 0) {
        a.push_back({"--algo.kl.target", number(c.klTarget)});
        a.push_back({"--algo.kl.horizon", std::to_string(static_cast<int64_t>(c.klHorizon))});  // argparse: an int
    }
    if (prompts.chatTemplate) a.push_back({"--data.apply_chat_template", ""});
    if (prompts.maxLength > 0) a.push_back({"--data.max_len", std::to_string(prompts.maxLength)});
    addOptimiser(a, "actor", c);
    addOptimiser(a, "critic", c);
    // OpenRLHF runs num_episodes passes over max_samples prompts, rollout_batch at a time (a partial last
    // batch too): as few passes as the prompts allow, each of whole batches, max_steps batches in all.
    const int64_t wanted = c.maxSteps * c.rolloutBatch;
    const int64_t episodes = std::max<int64_t>(1, (wanted + prompts.trainCount - 1) / prompts.trainCount);
    const int64_t samples = (c.maxSteps + episodes - 1) / episodes * c.rolloutBatch;
    a.push_back({"--data.max_samples", std::to_string(std::min(samples, prompts.trainCount))});
    a.push_back({"--train.num_episodes", std::to_string(episodes)});
    a.push_back({"--train.seed", std::to_string(c.seed)});
    a.push_back({"--ds.param_dtype", "bf16"});
    a.push_back({"--ckpt.save_steps", std::to_string(c.checkpointEvery > 0 ? c.checkpointEvery : -1)});
    a.push_back({"--ckpt.save_hf", ""});
    return a;
}

std::string openRlhfArgumentsScript(const std::vector<CommandArgument>& arguments, const PpoConfig& c, const std::string& origin) {
    std::string out = "# OpenRLHF train_ppo_ray arguments, written by RLHF Workbench (rlhf export-job) from " + origin +
                      ".\n# Sourced by launch.sh. Paths of models are those of the exporting machine: change them\n"
                      "# to where the models are on the cluster.\nARGS=(\n";
    for (const auto& [name, value] : arguments) out += "  " + name + (value.empty() ? "" : " " + quoted(value)) + "\n";
    // launch.sh checks them against the GPUs: OpenRLHF splits both batches over the actor's GPUs.
    return out + ")\nROLLOUT_BATCH=" + std::to_string(c.rolloutBatch) + "\nTRAIN_BATCH=" + std::to_string(c.miniBatch) + "\n";
}

std::string openRlhfLaunchScript(const std::string& origin) {
    return "#!/usr/bin/env bash\n"
           "# PPO job for OpenRLHF written by RLHF Workbench (rlhf export-job) from " + origin + ".\n"
           "# Needs a Ray cluster with OpenRLHF (and vLLM) installed: `ray start --head --num-gpus 8` on the head\n"
           "# node, `ray start --address HEAD:6379 --num-gpus 8` on the others. OUTPUT_DIR (required) is an\n"
           "# absolute path every node can write, where the policy (Hugging Face form), checkpoints and TensorBoard\n"
           "# logs go: the job runs in Ray's copy of this folder, not in it. RAY_ADDRESS (default\n"
           "# http://127.0.0.1:8265) is the cluster's dashboard; NODES and GPUS_PER_NODE place the models (all\n"
           "# colocated, one vLLM engine per GPU unless VLLM_ENGINES says otherwise); other arguments go to\n"
           "# train_ppo_ray (e.g. --ds.zero_stage 3). Bring the policy back with\n"
           "#   rlhf import-run PROJECT \"$OUTPUT_DIR\"   (its curves from $OUTPUT_DIR/tensorboard)\n"
           "set -euo pipefail\n"
           "cd \"$(dirname \"$0\")\"\n"
           "source ./openrlhf_args.sh\n"
           "NODES=${NODES:-1} GPUS=${GPUS_PER_NODE:-8}\n"
           "WORLD=$((NODES * GPUS))\n"
           ": \"${OUTPUT_DIR:?set OUTPUT_DIR to an absolute path every node can write}\"\n"
           "case \"$OUTPUT_DIR\" in /*) ;; *) echo \"launch.sh: OUTPUT_DIR must be absolute\" >&2; exit 2 ;; esac\n"
           "if (( TRAIN_BATCH % WORLD != 0 || ROLLOUT_BATCH < WORLD )); then\n"
           "  echo \"launch.sh: mini_batch $TRAIN_BATCH must be a multiple of the $WORLD GPUs, and rollout_batch $ROLLOUT_BATCH at least\" \\\n"
           "       \"that many (OpenRLHF splits both over them): export again with --set mini_batch=… --set rollout_batch=…\" >&2\n"
           "  exit 2\n"
           "fi\n"
           "exec ray job submit --address \"${RAY_ADDRESS:-http://127.0.0.1:8265}\" --runtime-env-json '{\"working_dir\": \".\"}' \\\n"
           "  -- python3 -m openrlhf.cli.train_ppo_ray \"${ARGS[@]}\" \\\n"
           "  --ckpt.output_dir \"$OUTPUT_DIR\" --ckpt.path \"$OUTPUT_DIR/ckpt\" --logger.tensorboard_dir \"$OUTPUT_DIR/tensorboard\" \\\n"
           "  --actor.num_nodes \"$NODES\" --actor.num_gpus_per_node \"$GPUS\" --ref.num_nodes \"$NODES\" --ref.num_gpus_per_node \"$GPUS\" \\\n"
           "  --critic.num_nodes \"$NODES\" --critic.num_gpus_per_node \"$GPUS\" --reward.num_nodes \"$NODES\" --reward.num_gpus_per_node \"$GPUS\" \\\n"
           "  --train.colocate_all --vllm.num_engines \"${VLLM_ENGINES:-$WORLD}\" --vllm.gpu_memory_utilization 0.5 \"$@\"\n";
}

}  // namespace rlhf::train
