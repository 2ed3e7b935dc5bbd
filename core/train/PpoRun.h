#pragma once
// PPO of a policy against a reward model (architecture §5 PPO; InstructGPT, as TRL's PPOTrainer): each
// step rolls out a batch of the project's prompts with the policy (top_k 0, top_p 1, `temperature`),
// scores the responses with the frozen reward model, takes per-token log-probs under the policy and the
// frozen reference (logits divided by the same temperature) and values from the value model (initialised
// from the reward model), makes per-token rewards, GAE advantages and returns (PpoMath), then runs
// ppo_epochs passes of clipped policy + value updates over mini-batches. β is fixed or Ziegler-adaptive.
// Metrics carry TRL's names; RUN/samples.jsonl keeps two rollouts of each step. Checkpoints hold the policy
// (a Hugging Face directory of its architecture) with the value model in its value/ directory; resume is bit-for-bit
// (each step samples with a seed of its own) and reloads the reference and the reward model from where
// the run's config says they are. Every eval_every steps the first eval_prompts validation prompts are rolled
// out with one fixed seed (val_objective/scores, val_objective/kl, val_response_length). A mini-batch whose
// mean policy ratio exceeds ratio_threshold is skipped and counted (policy/skipped_batches). With ptx_coef,
// each update also maximises γ × the log-likelihood of windows of RUN/ptx.txt (PretrainingMix).
// Architectures: the policy is any CausalLm (a GPT-2, a Llama-family model, a Mamba); the reward model, and
// the value model started from it, a GPT-2 or Llama-family sequence classifier with the policy's vocabulary
// and ResponseEncoding. Prompts are put in that encoding (the chat template's turns when the policy has
// one; rollouts then end at its end-of-turn tokens or an EOS id), and the reward is read where the reward
// model learned to read it (ResponseEncoding::scored): at a templated row's end-of-turn token (written in
// place of whichever stop token ended the response), at a plain row's last token before EOS. Rows are right-padded, so causal attention needs no padding mask.
// Runs on the calling thread; stop it with the atomic flag.

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/CausalLm.h"
#include "model/Generation.h"
#include "text/Tokenizer.h"
#include "train/AdamW.h"
#include "train/EpochOrder.h"
#include "train/PpoConfig.h"
#include "train/PpoMath.h"
#include "train/PretrainingMix.h"
#include "train/Precision.h"
#include "train/ResponseEncoding.h"
#include "train/RunDirectory.h"
#include "train/RunProgress.h"
#include "train/TrainerLoop.h"

namespace rlhf::train {

class PpoRun {
public:
    // Throws std::invalid_argument for bad settings, models that do not load or do not fit together, or
    // no prompt that leaves room for a response in the context. With ptx_coef, RUN/ptx.txt must hold the
    // pretraining text (the command writes the project's there first).
    static std::unique_ptr<PpoRun> create(const std::string& runDir, const PpoConfig& config,
                                          const std::vector<std::string>& trainPrompts,
                                          const std::vector<std::string>& validationPrompts, const torch::Device& device);
    static std::unique_ptr<PpoRun> resume(const std::string& runDir, const torch::Device& device, int64_t maxSteps = 0);

    LoopResult run(const std::atomic<bool>* stop, const std::function<void(const StepStats&)>& onStats);
    void setCheckpointListener(std::function<void(int64_t step, const std::string& dir)> listener) {
        progress_.listener = std::move(listener);
    }

    int64_t step() const { return progress_.step; }
    const PpoConfig& config() const { return config_; }
    const std::string& lastCheckpoint() const { return progress_.lastCheckpoint; }
    size_t prompts() const { return prompts_.size(); }
    int64_t skippedPrompts() const { return skipped_; }
    model::CausalLm& policy() { return *policy_; }
    double beta() const { return kl_.beta(); }

private:
    // A step's rollouts: rows prompt + response, right-padded; [B,R] tensors over the response tokens.
    // rolloutRows makes the rows (on the CPU) and the EOS flags; rollout scores them.
    struct Rollouts {
        torch::Tensor full, last;                             // [B,L] prompt + response ids, right-padded; [B] last real positions
        torch::Tensor rewardIds;                              // [B,L] templated rows as the reward model reads them (undefined: full)
        torch::Tensor responseIndex, mask;                    // [B,R]: the input position predicting each response token; 1 on real ones
        torch::Tensor logProbs, values, advantages, returns;  // [B,R], from before the updates
    };
    // Completions scored without gradients: rows, log-probs under the policy and the reference, the reward
    // model's scores [B] and EOS flags [B].
    struct Scored {
        Rollouts r;
        torch::Tensor referenceLogProbs, scores, endsWithEos;
    };
    PpoRun(const std::string& runDir, PpoConfig config, const torch::Device& device);
    void loadModels(const std::string& policyDir, const std::string& valueDir);
    void checkModelsFit() const;
    void checkRewardEncoding(const ResponseEncoding& rewardEncoding, const text::Tokenizer& rewardTokenizer) const;
    std::optional<int64_t> sharedContext() const;
    void preparePrompts(const std::vector<std::string>& train, const std::vector<std::string>& validation);
    std::vector<std::vector<int>> fittingPrompts(const std::vector<std::string>& texts, std::vector<std::string>* kept, int64_t* skipped) const;
    Scored score(const std::vector<std::vector<int>>& prompts, const std::vector<model::Completion>& completions);
    std::map<std::string, double> evaluate();
    torch::Tensor ptxLoss(int64_t step, int64_t update);
    Rollouts rolloutRows(const std::vector<std::vector<int>>& prompts, const std::vector<model::Completion>& completions,
                         torch::Tensor& endsWithEos) const;
    std::vector<model::Completion> sample(const std::vector<std::vector<int>>& prompts, uint64_t seed);
    Rollouts rollout(const std::vector<size_t>& prompts, int64_t step, std::map<std::string, double>& stats);
    // Per-token log-probs of the responses' tokens under `m` (logits / temperature): [B,R].
    torch::Tensor responseLogProbs(model::CausalLm& m, const torch::Tensor& full, const torch::Tensor& responseIndex);
    torch::Tensor responseValues(const torch::Tensor& full, const torch::Tensor& responseIndex);  // [B,R]
    void update(const Rollouts& r, int64_t step, std::map<std::string, double>& stats);
    StepStats trainStep(int64_t step);
    void saveCheckpoint(int64_t step);
    std::vector<torch::Tensor> trainedParameters();

    PpoConfig config_;
    torch::Device device_;
    Precision precision_;
    RunProgress progress_;  // directory, optimiser, order, step, newest checkpoint and its listener
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::unique_ptr<model::CausalLm> policy_, reference_, reward_, value_;
    ResponseEncoding encoding_;      // the policy's, which the reward model must share
    std::vector<int> stopIds_;       // a chat template's end-of-turn ids: rollouts end there too
    torch::Tensor rewardHead_, valueHead_;  // [1, n_embd]; the value head is trained
    std::vector<std::vector<int>> prompts_;  // tokenised, those that leave room for a response
    std::vector<std::string> promptTexts_;
    std::vector<std::vector<int>> validationPrompts_;  // those that fit, the first eval_prompts evaluated
    std::unique_ptr<PretrainingMix> ptx_;              // with ptx_coef > 0
    int64_t skipped_ = 0;
    AdaptiveKlController kl_{0.05, 1, 1};
};

}  // namespace rlhf::train
