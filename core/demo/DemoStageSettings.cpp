#include "demo/DemoStageSettings.h"

namespace rlhf::demo {

// Sized for a 2-core CPU: the whole recipe in well under 15 minutes (docs/benchmarks.md has timings).
const std::vector<DemoStage>& demoStages() {
    static const std::vector<DemoStage> stages{
        {"pretrain", "Pretraining a tiny GPT on the demo corpus",
         {"vocab_size=768", "n_layer=4", "n_head=4", "n_embd=128", "context=128", "batch_size=16", "lr=0.002",
          "min_lr=0.0002", "warmup_steps=40", "max_steps=1000", "eval_every=100", "checkpoint_every=0"}},
        {"sft", "Step 1: supervised fine-tuning on the demonstrations",
         {"lr=0.0005", "batch_size=16", "max_steps=150", "warmup_steps=10", "eval_every=50", "max_length=64"}},
        {"rm", "Step 2: the reward model from the comparisons",
         {"lr=0.0005", "batch_size=16", "max_steps=400", "warmup_steps=20", "eval_every=100", "eval_batches=16", "max_length=64"}},
        {"ppo", "Step 3: PPO against the reward model",
         {"lr=0.00005", "rollout_batch=16", "mini_batch=8", "ppo_epochs=2", "response_length=32", "max_steps=150",
          "temperature=1.0", "kl_coef=0.2", "missing_eos_penalty=2", "eval_every=25", "eval_prompts=16"}},
        {"dpo", "The shortcut: DPO on the comparisons",
         {"lr=0.0002", "beta=0.3", "batch_size=16", "max_steps=150", "warmup_steps=10", "eval_every=50", "max_length=64"}},
    };
    return stages;
}

std::vector<std::string> demoStageSettings(const std::string& kind) {
    for (const auto& stage : demoStages())
        if (stage.kind == kind) return stage.settings;
    return {};
}

}  // namespace rlhf::demo
