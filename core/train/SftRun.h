#pragma once
// Supervised fine-tuning (architecture §5 SFT) of a Hugging Face GPT-2, Mamba or Llama-family model
// (CausalLm) on demonstrations, encoded as plain text or in the model's chat template (ResponseEncoding):
// next-token loss on the response tokens and their end id only, normalised by the learned tokens of the whole optimiser step
// (not per micro-batch), AdamW with warm-up + cosine, global-norm clipping, gradient accumulation,
// validation loss, checkpoints and JSON-lines metrics in a run directory, bit-for-bit resume. The
// demonstrations are copied into the run (RUN/demonstrations.jsonl), so a resumed run trains on what it
// started with. Runs on the calling thread; stop it with the atomic flag.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "data/Demonstrations.h"
#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/AdamW.h"
#include "train/EpochOrder.h"
#include "train/GradientPass.h"
#include "train/Precision.h"
#include "train/RunDirectory.h"
#include "train/RunProgress.h"
#include "train/FineTuneConfig.h"
#include "train/SftExamples.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class SftRun {
public:
    // New run in `runDir` (created) from config.model; throws std::invalid_argument for bad settings, a
    // base model that does not load, or no demonstration to learn from.
    static std::unique_ptr<SftRun> create(const std::string& runDir, const FineTuneConfig& config,
                                          const std::vector<data::Demonstration>& train,
                                          const std::vector<data::Demonstration>& validation, const torch::Device& device);
    // Continues `runDir` from its newest checkpoint; `maxSteps` (when > 0) extends or shortens the run.
    static std::unique_ptr<SftRun> resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps = 0);

    LoopResult run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats);
    // Called after each checkpoint is complete on disk, with its step and directory.
    void setCheckpointListener(std::function<void(int64_t step, const std::string& dir)> listener) {
        progress_.listener = std::move(listener);
    }

    int64_t step() const { return progress_.step; }
    const FineTuneConfig& config() const { return config_; }  // max_steps resolved from epochs
    const std::string& lastCheckpoint() const { return progress_.lastCheckpoint; }
    const SftExamples& trainExamples() const { return train_; }
    model::CausalLm& model() { return *model_; }
    const ResponseEncoding& encoding() const { return encoding_; }

private:
    SftRun(const std::string& runDir, FineTuneConfig config, const torch::Device& device);
    void prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::Demonstration>& train,
                 const std::vector<data::Demonstration>& validation);
    StepStats trainStep(int64_t step);
    std::map<std::string, double> evaluate();
    void saveCheckpoint(int64_t step);

    FineTuneConfig config_;
    torch::Device device_;
    Precision precision_;
    RunProgress progress_;  // directory, optimiser, order, step, newest checkpoint and its listener
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<model::CausalLm> model_;
    ResponseEncoding encoding_;  // its endId ends each response and pads the batches
    std::unique_ptr<GradientPass> gradientPass_;
    SftExamples train_, validation_;
};

}  // namespace rlhf::train
