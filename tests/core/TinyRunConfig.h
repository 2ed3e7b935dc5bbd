#pragma once
// Stage settings for tests on tiny models. tinyRunConfig, a fine-tuning stage's: lr 1e-2, fp32, no
// evaluation and no periodic checkpoints (a run still writes one when it ends or stops); Config is
// FineTuneConfig or one built on it. tinyPpoConfig, PPO's: 4 rollouts of 6 tokens a step, mini-batches of
// 2, 2 epochs, fp32, at learning rate `lr`.
#include <cstdint>
#include <string>

#include "train/FineTuneConfig.h"
#include "train/PpoConfig.h"

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

inline train::PpoConfig tinyPpoConfig(const std::string& policy, const std::string& rewardModel, int64_t maxSteps, double lr) {
    train::PpoConfig c;
    c.model = policy;
    c.rewardModel = rewardModel;
    c.maxSteps = maxSteps;
    c.rolloutBatch = 4;
    c.miniBatch = 2;
    c.ppoEpochs = 2;
    c.responseLength = 6;
    c.lr = lr;
    c.precision = "fp32";
    return c;
}

}  // namespace rlhf::test
