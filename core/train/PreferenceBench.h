#pragma once
// `rlhf bench dpo|rm`: preference training measured the way ../shared/bench/py_pref_baseline.py measures
// it, so the two print comparable pairs per second. P pairs per step of preset-shaped rows (random
// tokens: a prompt of half the context, chosen and rejected responses of the other half), AdamW, after
// warm-up steps. Built from the pieces the DPO and reward-model runs use:
//   dpo  the frozen reference's summed response log-probs without gradients (a run computes them once per
//        pair and epoch; here once per pair and step, as the baseline), the policy's with gradients
//        (responseLogProbSums), the sigmoid loss at β 0.1 (dpoLoss), backward, AdamW at lr 5e-7;
//   rm   the backbone's final hidden states, a scalar head on each row's last token (scoresAt),
//        −log σ(r_chosen − r_rejected), backward, AdamW.

#include <torch/types.h>

#include "train/GptBench.h"
#include "train/Precision.h"

namespace rlhf::train {

struct PreferenceBenchResult {
    double pairsPerSecond = 0;  // over `steps` steps after `warmup`
    double lastLoss = 0;
};

PreferenceBenchResult benchDpo(const BenchPreset& preset, const torch::Device& device, int pairsPerStep, int steps, int warmup,
                               Precision precision);
PreferenceBenchResult benchRewardModel(const BenchPreset& preset, const torch::Device& device, int pairsPerStep, int steps,
                                       int warmup, Precision precision);

}  // namespace rlhf::train
