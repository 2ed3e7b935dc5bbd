#pragma once
// Direct preference optimisation (architecture §5 DPO; Rafailov et al. 2023, as TRL's DPOTrainer) of a Hugging
// Face GPT-2, Mamba or Llama-family model (CausalLm) on a project's preference pairs: the summed log-probs
// of the chosen and the rejected response (each joined to its prompt, as plain text or in the model's chat
// template, with the end id appended: ResponseEncoding, ResponseRows) under the policy and under the
// frozen reference, the sigmoid, cDPO or IPO loss (DpoLoss), AdamW with warm-up + cosine, clipping and
// accumulation, validation, checkpoints and JSON-lines metrics. The reference is the policy as loaded;
// its log-probs are computed once, before the first step, and kept in every checkpoint, so a resumed
// run needs neither the reference model nor the project. The pairs are copied into the run
// (RUN/pairs.jsonl). Runs on the calling thread; stop it with the atomic flag.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "data/PreferencePairs.h"
#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/AdamW.h"
#include "train/DpoConfig.h"
#include "train/DpoLoss.h"
#include "train/EpochOrder.h"
#include "train/ResponseEncoding.h"
#include "train/Precision.h"
#include "train/ResponseRows.h"
#include "train/RunDirectory.h"
#include "train/RunProgress.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class DpoRun {
public:
    // The pairs of a split as rows: pair i's chosen row at 2i, its rejected row at 2i+1.
    struct PairRows {
        std::vector<ResponseRow> rows;
        torch::Tensor referenceChosen, referenceRejected;  // [pairs] float32 on the CPU
        int64_t truncated = 0;  // pairs with a row cut to max_length + 1 tokens
        int64_t skipped = 0;    // pairs whose prompt fills max_length
        size_t pairs() const { return rows.size() / 2; }
    };

    // New run in `runDir` (created) from config.model; throws std::invalid_argument for bad settings, a
    // policy that does not load, or no pair to learn from.
    static std::unique_ptr<DpoRun> create(const std::string& runDir, const DpoConfig& config,
                                          const std::vector<data::PreferencePair>& train,
                                          const std::vector<data::PreferencePair>& validation, const torch::Device& device);
    // Continues `runDir` from its newest checkpoint; `maxSteps` (when > 0) extends or shortens the run.
    static std::unique_ptr<DpoRun> resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps = 0);

    LoopResult run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats);
    void setCheckpointListener(std::function<void(int64_t step, const std::string& dir)> listener) {
        progress_.listener = std::move(listener);
    }

    int64_t step() const { return progress_.step; }
    const DpoConfig& config() const { return config_; }  // max_steps resolved from epochs
    const std::string& lastCheckpoint() const { return progress_.lastCheckpoint; }
    const PairRows& trainPairs() const { return train_; }
    model::CausalLm& model() { return *model_; }
    const ResponseEncoding& encoding() const { return encoding_; }

private:
    DpoRun(const std::string& runDir, DpoConfig config, const torch::Device& device);
    void prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::PreferencePair>& train,
                 const std::vector<data::PreferencePair>& validation);
    PairRows makePairRows(const std::vector<data::PreferencePair>& pairs) const;
    void computeReference(PairRows& split);
    // The policy's summed response log-probs of the given pairs: [2B], the chosen rows first.
    torch::Tensor policyLogProbs(const PairRows& split, const std::vector<size_t>& pairs, int64_t* positions = nullptr);
    DpoResult pairLoss(const PairRows& split, const std::vector<size_t>& pairs, int64_t* positions = nullptr);
    StepStats trainStep(int64_t step);
    std::map<std::string, double> evaluate();
    void saveCheckpoint(int64_t step);

    DpoConfig config_;
    torch::Device device_;
    Precision precision_;
    RunProgress progress_;  // directory, optimiser, order, step, newest checkpoint and its listener
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<model::CausalLm> model_;
    ResponseEncoding encoding_;  // its endId ends each response and pads the batches
    int64_t maxLength_ = 0;
    PairRows train_, validation_;
};

}  // namespace rlhf::train
