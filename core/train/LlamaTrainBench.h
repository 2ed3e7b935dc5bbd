#pragma once
// The training half of `rlhf bench llama`: fine-tuning steps of a random Llama-family model of a real
// checkpoint's shape, as an SFT run takes them (model/LlamaModule, the fused token log-probs, backward,
// train/AdamW), measured as bench/py_llama_baseline.py measures PyTorch eager: one sequence of `tokens`
// tokens per step, the mean next-token loss, backward, an AdamW update; the median of `rounds` steps
// after a warm-up step. Under Precision::Bf16 the forward pass runs under bf16 autocast, as an SFT run with
// precision bf16 does.

#include <torch/types.h>

#include "model/LlamaConfig.h"
#include "train/Precision.h"

namespace rlhf::train {

// Training tokens per second (the sequence's positions over the step's seconds).
double llamaTrainTokensPerSecond(const model::LlamaConfig& config, int tokens, int rounds, const torch::Device& device,
                                 Precision precision = Precision::Fp32);

}  // namespace rlhf::train
