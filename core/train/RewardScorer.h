#pragma once
// A trained reward model as its readers use it (`rlhf reward`, the evaluation's reward-model judge): a
// GPT-2 or Llama-family sequence classifier (GPT2-, Llama- or Qwen2ForSequenceClassification), its
// tokenizer, and the ResponseEncoding it was trained in (its chat template when its tokenizer_config.json
// has one), so that a prompt and a response are read exactly as RewardRun read them. Inference only; not
// thread-safe.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "model/CausalLm.h"
#include "text/Tokenizer.h"
#include "train/ResponseEncoding.h"

namespace rlhf::train {

class RewardScorer {
public:
    // Throws std::invalid_argument naming `dir` when it does not load or is not a sequence classifier.
    RewardScorer(const std::string& dir, const torch::Device& device);

    // The head's num_labels values (one for a reward model) at the last of ResponseEncoding::scored's
    // ids. A sequence longer than the model's context keeps its end, where the reward is read.
    std::vector<double> values(const std::string& prompt, const std::string& response);
    const ResponseEncoding& encoding() const { return encoding_; }
    const text::Tokenizer& tokenizer() const { return *tokenizer_; }

private:
    std::unique_ptr<model::CausalLm> model_;
    std::unique_ptr<text::Tokenizer> tokenizer_;
    torch::Tensor score_;  // [num_labels, C]
    ResponseEncoding encoding_;
    std::optional<int64_t> context_;
};

}  // namespace rlhf::train
