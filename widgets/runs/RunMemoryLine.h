#pragma once
// The New-run dialog's memory line: what a run of a stage needs before its activations (weights,
// gradients, optimizer state, bf16 copies, frozen models: model::estimateStageMemory from config.json
// alone, as the engine checks a run before it loads anything) against the memory free now. The
// activations follow the data's lengths, which the engine bounds when it starts; they are left out here.

#include <QString>

namespace rlhf::widgets {

struct RunMemoryLine {
    QString text;      // empty: nothing to say (pretraining, no model chosen, a config that cannot be read)
    bool fits = true;  // false: the engine will refuse the run
};

// `kind`: sft, rm, dpo or ppo; `rewardDir`: PPO's reward model; `precision`: fp32, bf16 or auto (bf16
// autocast on a CPU with native bf16, as the engine resolves it; on a GPU, taken as bf16). The engine checks
// only the host's memory: on a GPU the need is said, not compared. Reads the directories' config.json
// (small files) on the calling thread.
RunMemoryLine runMemoryLine(const QString& kind, const QString& modelDir, const QString& rewardDir, const QString& precision, bool onGpu);

}  // namespace rlhf::widgets
