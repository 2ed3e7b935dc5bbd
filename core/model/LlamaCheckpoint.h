#pragma once
// Loads a Hugging Face Llama-family directory (config.json with model_type llama or qwen2, its
// generation_config.json when present, model.safetensors or the shards model.safetensors.index.json
// lists) into a LlamaModel, its weights converted to float32 (or bfloat16, for bf16 inference) on `device`. Tensor names are those
// save_pretrained writes (model.embed_tokens.weight, model.layers.N.self_attn.q_proj.weight, …,
// lm_head.weight); a missing, misshapen or unexpected tensor is an error naming the file and tensor.

#include <functional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "model/LlamaModel.h"

namespace rlhf::model {

// One checkpoint tensor of a config: its stored name, its shape, and where LlamaWeights keeps it.
// The slots are listed in a fixed order (embeddings, layer by layer, final norm, untied lm_head); a bias
// the config has none of, and a tied lm_head, have no slot. A sequence classifier has no lm_head slot
// (its score.weight is not one of the model's weights: loadLlamaModel hands it over apart).
struct LlamaTensorSlot {
    std::string name;
    std::vector<int64_t> shape;
    torch::Tensor* tensor;
};
std::vector<LlamaTensorSlot> llamaTensorSlots(const LlamaConfig& config, LlamaWeights& weights);

// Throws std::invalid_argument (or SafetensorsError) naming the file and the problem. A sequence
// classifier's score.weight [num_labels, C] goes to *score; without `score` a classifier is refused
// (the caller wants a language model, and a classifier has no language-model head).
LlamaModel loadLlamaModel(const std::string& dir, const torch::Device& device = torch::kCPU, torch::Tensor* score = nullptr,
                          torch::ScalarType dtype = torch::kFloat32);

}  // namespace rlhf::model
