#pragma once
// A fine-tuning stage's settings for tests on tiny models: lr 1e-2, fp32, no evaluation and no periodic
// checkpoints (a run still writes one when it ends or stops). Config is FineTuneConfig or one built on it.
#include <cstdint>
#include <string>

#include "train/FineTuneConfig.h"

namespace rlhf::test {

template <typename Config = train::FineTuneConfig>
Config tinyRunConfig(const std::string& model, int64_t maxSteps, int batchSize, int64_t warmupSteps) {
    Config c;
    c.model = model;
    c.batchSize = batchSize;
    c.maxSteps = maxSteps;
    c.lr = 1e-2;
    c.warmupSteps = warmupSteps;
    c.evalEvery = 0;
    c.checkpointEvery = 0;
    c.precision = "fp32";
    return c;
}

}  // namespace rlhf::test
