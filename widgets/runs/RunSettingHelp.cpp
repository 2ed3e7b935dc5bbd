#include "runs/RunSettingHelp.h"

#include <map>

#include <QCoreApplication>

namespace rlhf::widgets {

namespace {
// Translated in the context "RunSettingHelp".
const std::map<QString, const char*>& helpTexts() {
    static const std::map<QString, const char*> texts = {
        {"lr", QT_TRANSLATE_NOOP("RunSettingHelp", "Peak learning rate, reached after the warm-up. Defaults: SFT 2e-5 (TRL's SFTConfig), reward model 1e-5 (InstructGPT's range), DPO 1e-6 (TRL's DPOConfig), PPO 3e-6 (TRL's PPOConfig), pretraining 1e-3 (nanoGPT-sized models).")},
        {"min_lr", QT_TRANSLATE_NOOP("RunSettingHelp", "Where the cosine or linear decay ends (0: decays to zero, as transformers' schedulers).")},
        {"warmup_steps", QT_TRANSLATE_NOOP("RunSettingHelp", "Steps of linear warm-up from 0 to the peak learning rate.")},
        {"schedule", QT_TRANSLATE_NOOP("RunSettingHelp", "Learning-rate schedule after the warm-up: cosine, linear or constant (transformers' get_*_schedule_with_warmup).")},
        {"epochs", QT_TRANSLATE_NOOP("RunSettingHelp", "Passes over the train split when max_steps is 0. SFT 3 (TRL), reward model and DPO 1 (InstructGPT: one epoch, the reward model overfits after).")},
        {"max_steps", QT_TRANSLATE_NOOP("RunSettingHelp", "Optimiser steps (PPO: rollout batches). 0 derives it from epochs.")},
        {"batch_size", QT_TRANSLATE_NOOP("RunSettingHelp", "Examples per micro-batch: demonstrations (SFT), preference groups (reward model), pairs (DPO), windows (pretraining).")},
        {"grad_accum", QT_TRANSLATE_NOOP("RunSettingHelp", "Micro-batches summed per optimiser step: the effective batch is batch_size × grad_accum.")},
        {"max_length", QT_TRANSLATE_NOOP("RunSettingHelp", "Tokens per example, prompt + response; longer ones are truncated. 0: the model's context.")},
        {"weight_decay", QT_TRANSLATE_NOOP("RunSettingHelp", "AdamW's decoupled weight decay.")},
        {"grad_clip", QT_TRANSLATE_NOOP("RunSettingHelp", "Clip the gradients' global norm to this value (1.0 as transformers' Trainer); 0 disables.")},
        {"eval_every", QT_TRANSLATE_NOOP("RunSettingHelp", "Evaluate on the validation split every N steps (and at the end); 0 never.")},
        {"eval_batches", QT_TRANSLATE_NOOP("RunSettingHelp", "Micro-batches of the validation split per evaluation.")},
        {"checkpoint_every", QT_TRANSLATE_NOOP("RunSettingHelp", "Write a checkpoint every N steps; 0 only at the end or when stopped. A run resumes from its latest checkpoint.")},
        {"beta", QT_TRANSLATE_NOOP("RunSettingHelp", "DPO's β: strength of the implicit KL penalty to the reference model (0.1, TRL and the DPO paper).")},
        {"loss_type", QT_TRANSLATE_NOOP("RunSettingHelp", "sigmoid (DPO, Rafailov et al. 2023) or ipo (Azar et al. 2023).")},
        {"label_smoothing", QT_TRANSLATE_NOOP("RunSettingHelp", "cDPO: the assumed probability that a preference label is flipped (sigmoid loss only).")},
        {"labellers", QT_TRANSLATE_NOOP("RunSettingHelp", "Reward model and DPO: learn only from these labellers' judgements, comma-separated (empty: everyone's). Imported comparisons are always kept.")},
        {"guideline", QT_TRANSLATE_NOOP("RunSettingHelp", "Reward model and DPO: only judgements made under this guideline version, e.g. v2 (empty: any).")},
        {"passed_screening", QT_TRANSLATE_NOOP("RunSettingHelp", "Reward model and DPO: only judgements of labellers who passed the screening test (the Agreement view shows the scores).")},
        {"min_agreement", QT_TRANSLATE_NOOP("RunSettingHelp", "Reward model and DPO: only judgements of labellers whose agreement with the others is at least this (0 to 1; 0: no bound).")},
        {"response_length", QT_TRANSLATE_NOOP("RunSettingHelp", "New tokens per rollout at most (53, TRL's PPO example).")},
        {"max_prompt_length", QT_TRANSLATE_NOOP("RunSettingHelp", "PPO: prompts longer than this many tokens (in the policy's chat template) are skipped (1024, OpenRLHF's prompt_max_len); it also bounds the memory estimate.")},
        {"temperature", QT_TRANSLATE_NOOP("RunSettingHelp", "Sampling temperature of the rollouts (0.7, TRL's PPOConfig).")},
        {"rollout_batch", QT_TRANSLATE_NOOP("RunSettingHelp", "Prompts rolled out per PPO step.")},
        {"mini_batch", QT_TRANSLATE_NOOP("RunSettingHelp", "Rollouts per optimiser update inside a PPO step.")},
        {"ppo_epochs", QT_TRANSLATE_NOOP("RunSettingHelp", "Passes over each step's rollouts (4, TRL).")},
        {"kl_coef", QT_TRANSLATE_NOOP("RunSettingHelp", "β of the per-token KL penalty to the reference policy (0.05, TRL); the start of the adaptive one.")},
        {"kl_target", QT_TRANSLATE_NOOP("RunSettingHelp", "0 keeps β fixed; else Ziegler et al.'s adaptive β steers the summed KL towards this target.")},
        {"kl_horizon", QT_TRANSLATE_NOOP("RunSettingHelp", "Horizon of the adaptive KL controller (10000, Ziegler et al.).")},
        {"clip", QT_TRANSLATE_NOOP("RunSettingHelp", "ε of the clipped policy ratio (0.2, Schulman et al. 2017; TRL's cliprange).")},
        {"value_clip", QT_TRANSLATE_NOOP("RunSettingHelp", "ε of the clipped value loss (0.2, TRL's cliprange_value).")},
        {"vf_coef", QT_TRANSLATE_NOOP("RunSettingHelp", "Weight of the value loss (0.1, TRL).")},
        {"gamma", QT_TRANSLATE_NOOP("RunSettingHelp", "Discount of future rewards (1.0: the episode is one response).")},
        {"lam", QT_TRANSLATE_NOOP("RunSettingHelp", "λ of generalised advantage estimation (0.95, TRL).")},
        {"missing_eos_penalty", QT_TRANSLATE_NOOP("RunSettingHelp", "Subtracted from the score of a rollout that does not end with EOS (0: off).")},
        {"ratio_threshold", QT_TRANSLATE_NOOP("RunSettingHelp", "PPO skips a mini-batch whose mean policy ratio exceeds this, and counts it in policy/skipped_batches (10, TRL's guard against loss spikes).")},
        {"ptx_coef", QT_TRANSLATE_NOOP("RunSettingHelp", "γ of InstructGPT's PPO-ptx: each update also maximises γ × the log-likelihood of the project's pretraining text (0: off; InstructGPT used 27.8 with its own loss scale).")},
        {"ptx_batch", QT_TRANSLATE_NOOP("RunSettingHelp", "Windows of pretraining text per PPO update when ptx_coef is on.")},
        {"eval_prompts", QT_TRANSLATE_NOOP("RunSettingHelp", "Validation prompts PPO rolls out at each evaluation (the first ones, with one sampling seed, so evaluations compare the policy).")},
        {"vocab_size", QT_TRANSLATE_NOOP("RunSettingHelp", "Size of the byte-level BPE vocabulary trained on the project's text.")},
        {"architecture", QT_TRANSLATE_NOOP("RunSettingHelp", "gpt2 (attention) or mamba (a selective state-space model: generation time per token does not grow with the context). Compare the two in the Compare tab.")},
        {"n_layer", QT_TRANSLATE_NOOP("RunSettingHelp", "Blocks of the new model (transformer blocks, or Mamba's mixer blocks).")},
        {"n_head", QT_TRANSLATE_NOOP("RunSettingHelp", "Attention heads per block (n_embd must divide by it); GPT-2 only.")},
        {"n_embd", QT_TRANSLATE_NOOP("RunSettingHelp", "Width of the new model's hidden states.")},
        {"state_size", QT_TRANSLATE_NOOP("RunSettingHelp", "Mamba: the state each channel keeps from token to token (transformers' default 16).")},
        {"expand", QT_TRANSLATE_NOOP("RunSettingHelp", "Mamba: channels of the mixer per n_embd (default 2).")},
        {"conv_kernel", QT_TRANSLATE_NOOP("RunSettingHelp", "Mamba: width of the causal convolution before the scan (default 4).")},
        {"context", QT_TRANSLATE_NOOP("RunSettingHelp", "Tokens per training window: the new model's context length.")},
        {"val_fraction", QT_TRANSLATE_NOOP("RunSettingHelp", "Tail of the token stream held out for validation.")},
    };
    return texts;
}
}  // namespace

QString runSettingHelp(const QString& key) {
    const auto it = helpTexts().find(key);
    return it == helpTexts().end() ? QString() : QCoreApplication::translate("RunSettingHelp", it->second);
}

}  // namespace rlhf::widgets
