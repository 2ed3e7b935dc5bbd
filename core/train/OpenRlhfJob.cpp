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

std::vector<CommandArgument> openRlhfPpoArguments(const PpoConfig& c, const OpenRlhfPrompts& prompts, const std::string& outputDir) {
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
        a.push_back({"--algo.kl.horizon", number(c.klHorizon)});
    }
    addOptimiser(a, "actor", c);
    addOptimiser(a, "critic", c);
    // OpenRLHF runs num_episodes passes over max_samples prompts, rollout_batch at a time: as few passes as
    // the prompts allow, each over an equal share of the max_steps × rollout_batch prompts wanted.
    const int64_t wanted = c.maxSteps * c.rolloutBatch;
    const int64_t episodes = std::max<int64_t>(1, (wanted + prompts.trainCount - 1) / prompts.trainCount);
    a.push_back({"--data.max_samples", std::to_string((wanted + episodes - 1) / episodes)});
    a.push_back({"--train.num_episodes", std::to_string(episodes)});
    a.push_back({"--train.seed", std::to_string(c.seed)});
    a.push_back({"--ds.param_dtype", "bf16"});
    if (!prompts.evalFile.empty() && c.evalEvery > 0) {
        a.push_back({"--eval.dataset", prompts.evalFile});
        a.push_back({"--eval.steps", std::to_string(c.evalEvery)});
    }
    a.push_back({"--ckpt.save_steps", std::to_string(c.checkpointEvery > 0 ? c.checkpointEvery : -1)});
    a.push_back({"--ckpt.output_dir", outputDir});
    a.push_back({"--ckpt.path", outputDir + "/ckpt"});
    a.push_back({"--ckpt.save_hf", ""});
    a.push_back({"--logger.tensorboard_dir", outputDir + "/tensorboard"});
    return a;
}

std::string openRlhfArgumentsScript(const std::vector<CommandArgument>& arguments, const std::string& origin) {
    std::string out = "# OpenRLHF train_ppo_ray arguments, written by RLHF Workbench (rlhf export-job) from " + origin +
                      ".\n# Sourced by launch.sh. Paths of models are those of the exporting machine: change them\n"
                      "# to where the models are on the cluster.\nARGS=(\n";
    for (const auto& [name, value] : arguments) out += "  " + name + (value.empty() ? "" : " " + quoted(value)) + "\n";
    return out + ")\n";
}

std::string openRlhfLaunchScript(const std::string& origin) {
    return "#!/usr/bin/env bash\n"
           "# PPO job for OpenRLHF written by RLHF Workbench (rlhf export-job) from " + origin + ".\n"
           "# Needs a Ray cluster with OpenRLHF (and vLLM) installed: `ray start --head --num-gpus 8` on the head\n"
           "# node, `ray start --address HEAD:6379 --num-gpus 8` on the others. RAY_ADDRESS (default\n"
           "# http://127.0.0.1:8265) is the cluster's dashboard; NODES and GPUS_PER_NODE place the models (all\n"
           "# colocated), VLLM_ENGINES the rollout engines; other arguments go to train_ppo_ray\n"
           "# (e.g. --ds.zero_stage 3). This folder is the job's working directory (data/ travels with it); the\n"
           "# model lands in output/. Bring it back with\n"
           "#   rlhf import-run PROJECT output --stage ppo --no-log   (its curves are in output/tensorboard)\n"
           "set -euo pipefail\n"
           "cd \"$(dirname \"$0\")\"\n"
           "source ./openrlhf_args.sh\n"
           "NODES=${NODES:-1} GPUS=${GPUS_PER_NODE:-8}\n"
           "exec ray job submit --address \"${RAY_ADDRESS:-http://127.0.0.1:8265}\" --runtime-env-json '{\"working_dir\": \".\"}' \\\n"
           "  -- python3 -m openrlhf.cli.train_ppo_ray \"${ARGS[@]}\" \\\n"
           "  --actor.num_nodes \"$NODES\" --actor.num_gpus_per_node \"$GPUS\" --ref.num_nodes \"$NODES\" --ref.num_gpus_per_node \"$GPUS\" \\\n"
           "  --critic.num_nodes \"$NODES\" --critic.num_gpus_per_node \"$GPUS\" --reward.num_nodes \"$NODES\" --reward.num_gpus_per_node \"$GPUS\" \\\n"
           "  --train.colocate_all --vllm.num_engines \"${VLLM_ENGINES:-$GPUS}\" --vllm.gpu_memory_utilization 0.5 \"$@\"\n";
}

}  // namespace rlhf::train
