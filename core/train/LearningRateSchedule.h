#pragma once
// The learning rate of each optimiser step, as Hugging Face transformers' schedulers give it: the k-th
// step (counting from 1) uses the scheduler's value after k − 1 scheduler steps, so without warm-up the
// first step is at the peak and the last is not yet at the end of the decay; with warm-up the ramp starts
// at 0 (step 1) and reaches the peak at step warmup + 1.
//   cosine:   transformers' cosine_with_min_lr (num_cycles 0.5): min_lr + (peak − min_lr)·½(1 + cos(π·p))
//   linear:   transformers' linear, decaying to min_lr: min_lr + (peak − min_lr)·(1 − p)
//   constant: transformers' constant_with_warmup (the peak after the ramp; min_lr unused)
// where p = (k − 1 − warmup) / max(1, max_steps − warmup) is the fraction of the decay done.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::train {

struct LearningRateSchedule {
    std::string kind = "cosine";  // schedule: cosine, linear or constant
    double peak = 1e-3;           // lr
    double minLr = 0.0;           // min_lr: where cosine and linear end
    int64_t warmupSteps = 0;      // warmup_steps
    int64_t maxSteps = 1;         // max_steps: the optimiser steps of the whole run

    // The learning rate of optimiser step `step` (1-based).
    double at(int64_t step) const;
};

// The schedule names `schedule` accepts.
bool isScheduleKind(const std::string& kind);

// Sets `field` from j["schedule"] when present (std::invalid_argument naming origin and the choices otherwise).
void readScheduleSetting(const nlohmann::json& j, std::string& field, const std::string& origin);

}  // namespace rlhf::train
