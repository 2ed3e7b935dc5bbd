#include "train/TrlJob.h"

#include <stdexcept>

namespace rlhf::train {

std::string trlCommandOf(const std::string& stage) {
    if (stage == "sft" || stage == "dpo") return stage;
    if (stage == "rm") return "reward";
    throw std::invalid_argument("no TRL job for stage " + stage + " (sft, rm and dpo have one)");
}

nlohmann::ordered_json trlArguments(const std::string& stage, const FineTuneConfig& c, const DpoConfig* dpo,
                                    const std::string& dataDir, const std::string& outputDir) {
    nlohmann::ordered_json a;
    a["model_name_or_path"] = c.model;
    a["dataset_name"] = dataDir;  // a folder of train.jsonl and test.jsonl: load_dataset makes them the splits
    a["dataset_train_split"] = "train";
    a["dataset_test_split"] = "test";
    a["output_dir"] = outputDir;
    a["learning_rate"] = c.lr;
    if (c.schedule == "linear" && c.minLr > 0)
        throw std::invalid_argument("schedule linear with min_lr > 0 has no Trainer scheduler (use cosine, or min_lr 0)");
    if (c.schedule == "cosine" && c.minLr > 0) {
        a["lr_scheduler_type"] = "cosine_with_min_lr";
        a["lr_scheduler_kwargs"] = {{"min_lr", c.minLr}};
    } else if (c.schedule == "constant" && c.warmupSteps > 0) {
        a["lr_scheduler_type"] = "constant_with_warmup";  // the Trainer's constant ignores warmup_steps
    } else {
        a["lr_scheduler_type"] = c.schedule;  // cosine, linear and constant are the Trainer's names too
    }
    a["warmup_steps"] = c.warmupSteps;
    a["num_train_epochs"] = c.epochs;
    if (c.maxSteps > 0) a["max_steps"] = c.maxSteps;
    a["per_device_train_batch_size"] = c.batchSize;
    a["gradient_accumulation_steps"] = c.gradAccum;
    a["weight_decay"] = c.weightDecay;
    a["max_grad_norm"] = c.gradClip;
    a["seed"] = c.seed;
    if (c.maxLength > 0) a["max_length"] = c.maxLength;
    a["bf16"] = c.precision != "fp32";
    a["eval_strategy"] = c.evalEvery > 0 ? "steps" : "no";
    if (c.evalEvery > 0) a["eval_steps"] = c.evalEvery;
    a["save_strategy"] = "steps";
    a["save_steps"] = c.checkpointEvery > 0 ? c.checkpointEvery : (c.maxSteps > 0 ? c.maxSteps : 500);
    a["logging_steps"] = 10;
    a["report_to"] = "none";
    if (stage == "dpo") {
        if (!dpo) throw std::invalid_argument("a DPO job needs its DPO settings");
        a["beta"] = dpo->beta;
        a["loss_type"] = dpo->lossType;
        a["label_smoothing"] = dpo->labelSmoothing;
    }
    return a;
}

namespace {

// A value as YAML reads it back with the same type. PyYAML (TRL's loader) takes 1e-08 for a string: a float
// needs its decimal point (1.0e-08). Objects become flow mappings.
std::string yamlValue(const nlohmann::ordered_json& v) {
    if (v.is_object()) {
        std::string out = "{";
        for (const auto& [key, item] : v.items()) out += (out.size() > 1 ? ", " : "") + key + ": " + yamlValue(item);
        return out + "}";
    }
    std::string text = v.dump();
    if (v.is_number_float() && text.find('.') == std::string::npos) {
        const size_t e = text.find_first_of("eE");
        text.insert(e == std::string::npos ? text.size() : e, ".0");
    }
    return text;
}

}  // namespace

std::string yamlOf(const nlohmann::ordered_json& mapping, const std::string& header) {
    std::string out = header;
    for (const auto& [key, value] : mapping.items()) out += key + ": " + yamlValue(value) + "\n";
    return out;
}

std::string trlLaunchScript(const std::string& stage, const std::string& origin) {
    return "#!/usr/bin/env bash\n"
           "# " + trlCommandOf(stage) + " job written by RLHF Workbench (rlhf export-job) from " + origin + ".\n"
           "# Needs TRL and accelerate. GPUS=8 ./launch.sh runs 8 processes (plain DDP); GPUS counts the\n"
           "# processes on all machines, as accelerate's --num_processes does (2 machines of 8 GPUs: GPUS=16).\n"
           "# ACCELERATE_CONFIG=deepspeed_zero2.yaml uses DeepSpeed ZeRO-2; ACCELERATE_ARGS adds accelerate's\n"
           "# own options (e.g. \"--num_machines 2 --machine_rank 0 --main_process_ip HOST\", on each machine with\n"
           "# its rank); other arguments\n"
           "# go to TRL (e.g. --max_steps 10). The model lands in output/; bring a checkpoint back with\n"
           "#   rlhf import-run PROJECT output/checkpoint-N\n"
           "set -euo pipefail\n"
           "cd \"$(dirname \"$0\")\"\n"
           "exec accelerate launch ${ACCELERATE_CONFIG:+--config_file \"$ACCELERATE_CONFIG\"} --num_processes \"${GPUS:-1}\" \\\n"
           "  ${ACCELERATE_ARGS:-} -m trl.scripts." + trlCommandOf(stage) + " --config config.yaml \"$@\"\n";
}

std::string deepSpeedZero2Config(bool bf16) {
    return "# accelerate config: DeepSpeed ZeRO stage 2 (ACCELERATE_CONFIG=deepspeed_zero2.yaml ./launch.sh)\n"
           "compute_environment: LOCAL_MACHINE\n"
           "distributed_type: DEEPSPEED\n"
           "deepspeed_config:\n"
           "  zero_stage: 2\n"
           "  offload_optimizer_device: none\n"
           "  offload_param_device: none\n"
           "  zero3_init_flag: false\n"
           "mixed_precision: " + std::string(bf16 ? "bf16" : "no") + "\n"
           "num_machines: 1\n"
           "machine_rank: 0\n"
           "rdzv_backend: static\n"
           "same_network: true\n"
           "use_cpu: false\n";
}

}  // namespace rlhf::train
