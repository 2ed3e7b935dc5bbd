#pragma once
// Mamba checkpoints in Hugging Face's MambaForCausalLM layout: config.json (model_type mamba),
// generation_config.json, model.safetensors (or shards with model.safetensors.index.json) with the
// tensors backbone.embeddings.weight, backbone.layers.N.norm.weight, backbone.layers.N.mixer.{in_proj,
// conv1d, x_proj, dt_proj, out_proj}.*, .A_log, .D, backbone.norm_f.weight, and lm_head.weight when untied
// (a tied one, if stored, is the embeddings saved twice). A missing, misshapen or unexpected tensor is an
// error naming the file and tensor. Weights load as float32.

#include <string>

#include <torch/types.h>

#include "model/MambaModel.h"
#include "text/Tokenizer.h"

namespace rlhf::model {

// Throws std::invalid_argument (or SafetensorsError) naming the file and the problem. In eval mode.
MambaModel loadMambaModel(const std::string& dir, const torch::Device& device = torch::kCPU);

// The tokenizer beside it (tokenizer.json, or vocab.json and merges.txt); throws std::invalid_argument
// naming the directory when there is none or it has more tokens than config.json's vocab_size.
text::Tokenizer loadMambaTokenizer(const std::string& dir);

// Writes `dir` atomically: config.json, generation_config.json, model.safetensors (float32) and the
// tokenizer's files when one is given.
void saveMambaModel(const std::string& dir, MambaModel& model, const text::Tokenizer* tokenizer);

}  // namespace rlhf::model
