#pragma once
// Reward-model training (architecture §5 reward model; InstructGPT): a causal LM's backbone (GPT-2 or
// the Llama family) and a scalar `score` head read at each response's last token (as `rlhf reward` and
// transformers' *ForSequenceClassification read it), loss −log σ(r_better − r_worse − margin) over a
// preference group's pairs, divided by its pair count, so that a K-way ranking's K·(K−1)/2 pairs weigh as
// one element of the batch (its K responses forwarded once). A response is read as the model's
// ResponseEncoding scores it (its chat template when it has one). Metrics: loss, accuracy, margin, reward
// mean/std/min/max; validation loss, accuracy and margin. AdamW with warm-up + cosine, clipping,
// accumulation, checkpoints (Hugging Face GPT2-, Llama- or Qwen2ForSequenceClassification directories)
// and bit-for-bit resume; the groups are copied into the run (RUN/groups.jsonl). A Mamba is refused:
// transformers has no sequence-classification layout for it. Runs on the calling thread; stop it with
// the atomic flag.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "data/PreferenceGroups.h"
#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/AdamW.h"
#include "train/EpochOrder.h"
#include "train/FineTuneConfig.h"
#include "train/Precision.h"
#include "train/ResponseEncoding.h"
#include "train/RunDirectory.h"
#include "train/RunProgress.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class RewardRun {
public:
    struct Group {
        std::vector<std::vector<int>> rows;  // prompt + response tokens, one per response
        std::vector<data::PreferenceGroup::Pair> pairs;
        size_t source = 0;  // index into the groups it was made from
    };
    struct Groups {
        std::vector<Group> groups;
        int64_t pairs = 0;
        int64_t skipped = 0;  // groups with a response past max_length (its last token would be cut off)
    };

    // New run in `runDir` (created) from config.model: a language model gets a new head (seeded), a reward
    // model keeps its own. Throws std::invalid_argument for bad settings, a model that does not load, or
    // no group to learn from.
    static std::unique_ptr<RewardRun> create(const std::string& runDir, const FineTuneConfig& config,
                                             const std::vector<data::PreferenceGroup>& train,
                                             const std::vector<data::PreferenceGroup>& validation, const torch::Device& device);
    static std::unique_ptr<RewardRun> resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps = 0);

    LoopResult run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats);
    void setCheckpointListener(std::function<void(int64_t step, const std::string& dir)> listener) {
        progress_.listener = std::move(listener);
    }

    int64_t step() const { return progress_.step; }
    const FineTuneConfig& config() const { return config_; }  // max_steps resolved from epochs
    const std::string& lastCheckpoint() const { return progress_.lastCheckpoint; }
    const Groups& trainGroups() const { return train_; }
    model::CausalLm& model() { return *model_; }
    const torch::Tensor& score() const { return score_; }
    const ResponseEncoding& encoding() const { return encoding_; }

    // The rewards of the given groups' responses, [rows]: hidden state of each row's last token times the head.
    torch::Tensor rewards(const Groups& split, const std::vector<size_t>& groups, int64_t* positions = nullptr);

private:
    struct GroupLoss {
        torch::Tensor loss;  // mean over the groups of their pair-mean loss
        torch::Tensor rewards, pairMargins;  // [rows], [pairs] (detached)
    };
    RewardRun(const std::string& runDir, FineTuneConfig config, const torch::Device& device);
    void prepare(model::LoadedCausalLm loaded, const std::string& modelDir, const std::vector<data::PreferenceGroup>& train,
                 const std::vector<data::PreferenceGroup>& validation);
    std::vector<torch::Tensor> parameters();  // the backbone's and the head
    Groups makeGroups(const std::vector<data::PreferenceGroup>& groups, int64_t maxLength) const;
    GroupLoss groupLoss(const Groups& split, const std::vector<size_t>& groups, int64_t* positions = nullptr);
    StepStats trainStep(int64_t step);
    std::map<std::string, double> evaluate();
    void writeEvaluation(const std::vector<size_t>& groups, const torch::Tensor& rewards) const;
    void saveCheckpoint(int64_t step);

    FineTuneConfig config_;
    torch::Device device_;
    Precision precision_;
    RunProgress progress_;  // directory, optimiser, order, step, newest checkpoint and its listener
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<model::CausalLm> model_;
    torch::Tensor score_;  // [1, C], float32, trained with the backbone
    ResponseEncoding encoding_;
    Groups train_, validation_;
    std::vector<data::PreferenceGroup> validationSource_;  // texts and prompt ids of RUN/evaluation.jsonl
};

// A reward model needs a GPT-2 or a Llama-family backbone: transformers has no sequence-classification
// layout for a Mamba. Throws std::invalid_argument ("DIR is a Mamba; …") for a Mamba directory.
void refuseMambaRewardBackbone(const std::string& modelDir);

}  // namespace rlhf::train
