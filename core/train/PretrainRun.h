#pragma once
// Pretraining from scratch on a text file: train a byte-level BPE on the text, build a small GPT-2 or
// Mamba (config.architecture), then next-token training on random windows (AdamW, warm-up + cosine, global-norm clipping, gradient
// accumulation), validation loss on the held-out tail, checkpoints and JSON-lines metrics in a run
// directory, and bit-for-bit resume. Runs on the calling thread; stop it with the atomic flag.

#include <atomic>
#include <functional>
#include <memory>
#include <random>
#include <string>

#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/AdamW.h"
#include "train/GradientPass.h"
#include "train/PretrainConfig.h"
#include "train/Precision.h"
#include "train/RunDirectory.h"
#include "train/RunProgress.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class PretrainRun {
public:
    // New run in `runDir` (created); throws std::invalid_argument for bad settings or a text too short.
    static std::unique_ptr<PretrainRun> create(const std::string& runDir, const PretrainConfig& config,
                                               const torch::Device& device);
    // Continues `runDir` from its newest checkpoint; `maxSteps` (when > 0) extends or shortens the run.
    static std::unique_ptr<PretrainRun> resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps = 0);

    LoopResult run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats);
    // Called after each checkpoint is complete on disk, with its step and directory.
    void setCheckpointListener(std::function<void(int64_t step, const std::string& dir)> listener) {
        progress_.listener = std::move(listener);
    }

    int64_t step() const { return progress_.step; }
    const PretrainConfig& config() const { return config_; }
    const std::string& lastCheckpoint() const { return progress_.lastCheckpoint; }
    int64_t trainTokens() const { return static_cast<int64_t>(trainTokens_.size()); }
    model::CausalLm& model() { return *model_; }  // a GPT-2 or a Mamba, as config().architecture says

private:
    PretrainRun(const std::string& runDir, PretrainConfig config, const torch::Device& device);
    void prepare(text::Tokenizer tokenizer);
    void buildModel();
    StepStats trainStep(int64_t step);
    // Mean next-token cross-entropy of the model on input [B,T] against targets [B,T] (bf16 products
    // under autocast; the log-probs and the mean in float32).
    torch::Tensor nextTokenLoss(const torch::Tensor& input, const torch::Tensor& targets);
    std::map<std::string, double> evaluate();
    void saveCheckpoint(int64_t step);
    // Windows [B, context+1] starting at the given offsets of `tokens`.
    torch::Tensor windows(const std::vector<int>& tokens, const std::vector<int64_t>& offsets) const;

    PretrainConfig config_;
    torch::Device device_;
    Precision precision_;
    RunProgress progress_;  // directory, optimiser, order, step, newest checkpoint and its listener
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<model::CausalLm> model_;
    std::unique_ptr<GradientPass> gradientPass_;
    std::vector<int> trainTokens_, valTokens_;
    std::mt19937_64 sampler_;
};

}  // namespace rlhf::train
