#pragma once
// A causal language model as the training stages take it, whatever its architecture: a GPT-2
// (Gpt2Model, attention with learned positions up to n_positions), a Mamba (MambaModel, no context
// limit) or a Llama-family model (LlamaModule, rotary positions up to max_position_embeddings). Exactly
// one of the three holders is set. Next-token losses need only targetLogProbs; a checkpoint
// is written in the architecture's own Hugging Face layout.

#include <optional>
#include <string>

#include <torch/nn.h>

#include "model/Gpt2Model.h"
#include "model/LlamaModule.h"
#include "model/MambaModel.h"
#include "text/Tokenizer.h"

namespace rlhf::model {

class CausalLm {
public:
    explicit CausalLm(Gpt2Model gpt) : gpt_(std::move(gpt)) {}
    explicit CausalLm(MambaModel mamba) : mamba_(std::move(mamba)) {}
    explicit CausalLm(LlamaModule llama) : llama_(std::move(llama)) {}

    torch::nn::Module& module();
    // ids, targets [B,T] -> [B,T] float32 log softmax(logits / temperature)[targets], differentiable.
    torch::Tensor targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature = 1.0);
    // ids [B,T] -> the final hidden states [B,T,C] (after the last norm), differentiable: what a reward
    // or value head reads.
    torch::Tensor hidden(const torch::Tensor& ids);
    int64_t hiddenSize() const;  // C: n_embd, hidden_size
    int64_t vocabSize() const;   // V: the ids it embeds
    // Writes `dir` atomically: the architecture's Hugging Face files and the tokenizer's. A `score` head
    // [num_labels, C] makes it a sequence classifier (GPT2ForSequenceClassification,
    // LlamaForSequenceClassification, Qwen2ForSequenceClassification); a Mamba has no such layout
    // (std::invalid_argument). `scoredEndId`: the id a classifier's scored rows end with (LlamaModule::save, saveCheckpoint).
    void save(const std::string& dir, const text::Tokenizer* tokenizer, const torch::Tensor& score = {}, int scoredEndId = -1);

    std::string architecture() const;  // gpt2, mamba, or the Llama family's model_type (llama, qwen2)
    int eosTokenId() const;  // the first EOS id of the config (loadCausalLm refuses a model without one)
    // The pad_token_id by which transformers' *ForSequenceClassification finds the token it reads a row's
    // score at (model::lastNotPadding); -1 when the config has none, and for a Mamba (no such class).
    int classifierPadTokenId() const;
    // The longest sequence it takes: n_positions for a GPT-2, max_position_embeddings for the Llama family;
    // a Mamba has none (nullopt).
    std::optional<int64_t> contextLimit() const;

    Gpt2Model& gpt() { return gpt_; }      // null for the others
    MambaModel& mamba() { return mamba_; }  // null for the others
    LlamaModule& llama() { return llama_; }  // null for the others

private:
    Gpt2Model gpt_{nullptr};
    MambaModel mamba_{nullptr};
    LlamaModule llama_{nullptr};
};

struct LoadedCausalLm {
    CausalLm model;
    std::optional<text::Tokenizer> tokenizer;
    torch::Tensor score;  // a sequence classifier's head [num_labels, C]; undefined for a language model
};

// The directory's model by config.json's model_type (gpt2, mamba, llama or qwen2) with its tokenizer
// (required), on `device`. Throws std::invalid_argument naming the directory for any other architecture, a missing file,
// a tokenizer larger than vocab_size, or no EOS id.
LoadedCausalLm loadCausalLm(const std::string& dir, const torch::Device& device);
// loadCausalLm, refusing a sequence classifier (a reward or value model: its head scores, it does not
// predict tokens), for the stages that train next-token log-probabilities.
LoadedCausalLm loadLanguageModel(const std::string& dir, const torch::Device& device);
// The EOS id the directory's model would have once loaded (CausalLm::eosTokenId: -1 for none), read from
// its config files alone. Throws std::invalid_argument naming the file, as the loaders do.
int eosTokenIdOf(const std::string& dir);

}  // namespace rlhf::model
