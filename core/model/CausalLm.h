#pragma once
// A causal language model as the training stages take it, whatever its architecture: a GPT-2
// (Gpt2Model, attention with learned positions up to n_positions) or a Mamba (MambaModel, no context
// limit). Exactly one of the two holders is set. Next-token losses need only targetLogProbs; a checkpoint
// is written in the architecture's own Hugging Face layout.

#include <optional>
#include <string>

#include <torch/nn.h>

#include "model/Gpt2Model.h"
#include "model/MambaModel.h"
#include "text/ByteLevelBpe.h"

namespace rlhf::model {

class CausalLm {
public:
    explicit CausalLm(Gpt2Model gpt) : gpt_(std::move(gpt)) {}
    explicit CausalLm(MambaModel mamba) : mamba_(std::move(mamba)) {}

    torch::nn::Module& module() { return mamba_ ? static_cast<torch::nn::Module&>(*mamba_) : *gpt_; }
    // ids, targets [B,T] -> [B,T] float32 log softmax(logits / temperature)[targets], differentiable.
    torch::Tensor targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature = 1.0);
    // Writes `dir` atomically: the architecture's Hugging Face files and the tokenizer's.
    void save(const std::string& dir, const text::ByteLevelBpe* tokenizer);

    std::string architecture() const { return mamba_ ? "mamba" : "gpt2"; }
    int eosTokenId() const;  // the first EOS id of the config (loadCausalLm refuses a model without one)
    // The longest sequence it takes: n_positions for a GPT-2; a Mamba has none (nullopt).
    std::optional<int64_t> contextLimit() const;

    Gpt2Model& gpt() { return gpt_; }      // null for a Mamba
    MambaModel& mamba() { return mamba_; }  // null for a GPT-2

private:
    Gpt2Model gpt_{nullptr};
    MambaModel mamba_{nullptr};
};

struct LoadedCausalLm {
    CausalLm model;
    std::optional<text::ByteLevelBpe> tokenizer;
};

// The directory's model by config.json's model_type (gpt2 or mamba) with its tokenizer (required), on
// `device`. Throws std::invalid_argument naming the directory for any other architecture, a missing file,
// a tokenizer larger than vocab_size, or no EOS id.
LoadedCausalLm loadCausalLm(const std::string& dir, const torch::Device& device);

}  // namespace rlhf::model
