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

// `kind`: sft, rm, dpo or ppo; `rewardDir`: PPO's reward model; `bf16`: bf16 autocast (precision bf16).
// Reads the directories' config.json (small files) on the calling thread.
RunMemoryLine runMemoryLine(const QString& kind, const QString& modelDir, const QString& rewardDir, bool bf16);

}  // namespace rlhf::widgets
