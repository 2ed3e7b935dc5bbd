#pragma once
// A Llama-family model as the training stages take it: a torch::nn::Module whose parameters are the
// LlamaModel's weights under their checkpoint names (model.embed_tokens.weight,
// model.layers.N.self_attn.q_proj.weight, …, lm_head.weight when untied; a tied output layer is the
// embeddings, registered once). The module and the LlamaModel hold the same tensors, so the optimiser's
// in-place updates are what the model computes with. config.json and generation_config.json are kept as
// read, so a saved checkpoint carries every field (rope_scaling, architectures, …) its source had.

#include <string>

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/LlamaModel.h"
#include "text/Tokenizer.h"

namespace rlhf::model {

class LlamaModuleImpl : public torch::nn::Module {
public:
    // generationJson: null when the source had no generation_config.json.
    LlamaModuleImpl(LlamaModel model, nlohmann::json configJson, nlohmann::json generationJson);

    LlamaModel& model() { return model_; }
    const LlamaConfig& config() const { return model_.config(); }
    // ids, targets [B,T] -> [B,T] float32 log softmax(logits / temperature)[targets], differentiable.
    torch::Tensor targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature = 1.0);
    // Writes `dir` atomically: config.json (torch_dtype float32), generation_config.json when the source
    // had one, model.safetensors (float32) and the tokenizer's files when one is given. A `score` head
    // [num_labels, C] makes it the family's *ForSequenceClassification (a reward or value model):
    // score.weight instead of lm_head.weight, and config.json's architectures, id2label and label2id say
    // so. Its pad_token_id is never `scoredEndId`, the id every scored row ends with (-1: none):
    // transformers pools a batch at each row's last token that is not padding (classifierPadId).
    void save(const std::string& dir, const text::Tokenizer* tokenizer, const torch::Tensor& score = {}, int scoredEndId = -1);

private:
    LlamaModel model_;
    nlohmann::json configJson_, generationJson_;
};
TORCH_MODULE(LlamaModule);

// loadLlamaModel's weights, as parameters (they require gradients), with the directory's JSON files; a
// sequence classifier's score head goes to *score when given.
LlamaModule loadLlamaModule(const std::string& dir, const torch::Device& device, torch::Tensor* score = nullptr);

}  // namespace rlhf::model
