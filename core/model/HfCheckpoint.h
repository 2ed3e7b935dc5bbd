#pragma once
// A checkpoint IS a Hugging Face model directory (architecture §4): config.json, model.safetensors,
// vocab.json, merges.txt, generation_config.json. Loading accepts the `transformer.h.0…` and the hub's
// `h.0…` key layouts, weights sharded by model.safetensors.index.json, ignores attn.bias mask buffers,
// takes the tied lm_head.weight for the embeddings when wte.weight is absent (and refuses a different one
// unless config.json says tie_word_embeddings false: then lm_head.weight is the output layer's own),
// transposes Conv1D weights ([in,out] on disk), accepts F32/F16/BF16. Reward/value models add
// score.weight [num_labels, n_embd].

#include <optional>
#include <string>

#include "model/Gpt2Model.h"
#include "text/Tokenizer.h"

namespace rlhf::model {

struct LoadedModel {
    Gpt2Model model{nullptr};
    std::optional<text::Tokenizer> tokenizer;  // absent when the directory has no tokenizer files
    torch::Tensor score;                          // [num_labels, C] for reward models; undefined otherwise
};

// Throws std::invalid_argument (or a SafetensorsError / TokenizerError) naming the file and problem.
LoadedModel loadCheckpoint(const std::string& dir, const torch::Device& device = torch::kCPU, bool requireTokenizer = true);

// Writes `dir` atomically (a sibling temporary directory, fsynced, then renamed into place).
// A defined `score` makes it a GPT2ForSequenceClassification checkpoint, whose pad_token_id is never
// `scoredEndId`, the id every scored row ends with (-1: none): transformers reads a row at its last token
// that is not padding.
void saveCheckpoint(const std::string& dir, Gpt2Model& model, const text::Tokenizer* tokenizer,
                    const torch::Tensor& score = {}, int scoredEndId = -1);

}  // namespace rlhf::model
