#pragma once
// A stage of the workbench as a job for TRL (`rlhf export-job`): its settings under the names of TRL's
// SFTConfig, RewardConfig and DPOConfig (transformers' TrainingArguments and TRL's own), the YAML
// file `trl sft|reward|dpo --config` reads, and the launch script that runs it under accelerate
// (DDP, or DeepSpeed with the ZeRO-2 config written beside it).
//
// Mapping: lr → learning_rate; schedule → lr_scheduler_type (cosine with min_lr > 0:
// cosine_with_min_lr with lr_scheduler_kwargs.min_lr; constant with warmup: constant_with_warmup; linear
// with min_lr > 0 has no Trainer scheduler and is refused); warmup_steps; epochs → num_train_epochs;
// max_steps (when set); batch_size → per_device_train_batch_size; grad_accum →
// gradient_accumulation_steps; weight_decay; grad_clip → max_grad_norm; seed; max_length (when set);
// precision bf16 or auto → bf16: true; eval_every → eval_strategy steps + eval_steps (0: no);
// checkpoint_every → save_steps (0: once, at max_steps or 500); DPO adds beta, loss_type, label_smoothing.

#include <string>

#include <nlohmann/json.hpp>

#include "train/DpoConfig.h"
#include "train/FineTuneConfig.h"

namespace rlhf::train {

// stage: sft, rm or dpo (dpo: `dpo` is set, and is `config` too). dataDir and outputDir as the YAML names
// them. Throws std::invalid_argument for settings the Trainer cannot take.
nlohmann::ordered_json trlArguments(const std::string& stage, const FineTuneConfig& config, const DpoConfig* dpo,
                                    const std::string& dataDir, const std::string& outputDir);

// Top-level keys, one per line, each value read back by YAML with its type (floats keep a decimal point:
// 1.0e-08, as PyYAML reads floats).
std::string yamlOf(const nlohmann::ordered_json& mapping, const std::string& header);

// TRL's command for the stage: sft, reward or dpo; throws std::invalid_argument for another stage.
std::string trlCommandOf(const std::string& stage);

// The launch script: `accelerate launch [--config_file $ACCELERATE_CONFIG] --num_processes $GPUS
// $ACCELERATE_ARGS -m trl.scripts.<command> --config config.yaml "$@"`, run from its own directory.
std::string trlLaunchScript(const std::string& stage, const std::string& origin);

// An accelerate config for DeepSpeed ZeRO stage 2, in bf16 or fp32 (num_processes is the launch script's).
std::string deepSpeedZero2Config(bool bf16);

}  // namespace rlhf::train
