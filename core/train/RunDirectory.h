#pragma once
// A training run on disk: RUN/config.json, RUN/metrics.jsonl (one JSON object per step),
// RUN/checkpoints/step-NNNNNNNN/ = a Hugging Face model directory plus trainer_state.json and
// trainer_state.safetensors (optimiser + sampler state) so the run resumes bit-for-bit.
// A checkpoint is assembled in "<name>.partial", fsynced, then renamed: a crash leaves no half checkpoint.

#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "model/Gpt2Model.h"
#include "text/Tokenizer.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

struct TrainerState {
    int64_t step = 0;
    nlohmann::json extra;                        // stage data, e.g. the sampler's RNG state
    std::map<std::string, torch::Tensor> tensors;  // optimiser state
};

class RunDirectory {
public:
    explicit RunDirectory(std::string dir);
    const std::string& path() const { return dir_; }

    void writeConfig(const nlohmann::json& config) const;
    nlohmann::json readConfig() const;  // throws std::invalid_argument naming the file

    // RUN/name: one JSON object per line (a run's copy of its training data), written whole or not at all.
    void writeRows(const std::string& name, const std::vector<nlohmann::json>& rows) const;
    // Throws std::invalid_argument naming the file and line of anything that is not a JSON object.
    std::vector<nlohmann::json> readRows(const std::string& name) const;

    // Throws std::invalid_argument when the directory already holds a run (a new run must not mix with it).
    void refuseExistingRun() const;
    // The newest complete checkpoint; std::invalid_argument when there is none to resume from.
    std::string checkpointToResume() const;

    // Newest complete checkpoint directory, if any.
    std::optional<std::string> latestCheckpoint() const;
    // The same for a directory that may not exist (nothing is created).
    static std::optional<std::string> latestCheckpointIn(const std::string& runDir);
    // A defined `score` [1, n_embd] saves a reward model (GPT2ForSequenceClassification); alsoWrite adds
    // files to the checkpoint's directory (given its path) before it is complete.
    std::string saveCheckpoint(model::Gpt2Model& model, const text::Tokenizer& tokenizer, const TrainerState& state,
                               const torch::Tensor& score = {},
                               const std::function<void(const std::string& dir)>& alsoWrite = {}) const;
    // The same for any model: `writeModel` writes the model's files into the directory it is given.
    std::string saveCheckpointWith(const std::function<void(const std::string& dir)>& writeModel, const TrainerState& state,
                                   const std::function<void(const std::string& dir)>& alsoWrite = {}) const;
    static TrainerState loadTrainerState(const std::string& checkpointDir);

    // Appends to metrics.jsonl; `resumeFromStep` first drops lines of later steps (a resumed run
    // rewrites the steps after its checkpoint).
    void openMetrics(std::optional<int64_t> resumeFromStep);
    void appendMetrics(int64_t step, const std::map<std::string, double>& values);

private:
    std::string dir_;
    std::ofstream metrics_;
};

// runTrainingLoop with every step's metrics appended to dir's metrics.jsonl before callbacks.onStats sees
// them (a run resumed at startStep > 0 first drops the lines of later steps).
LoopResult runLoggedTrainingLoop(RunDirectory& dir, int64_t startStep, const LoopSchedule& schedule,
                                 LoopCallbacks callbacks, const std::atomic<bool>* stop);

}  // namespace rlhf::train
