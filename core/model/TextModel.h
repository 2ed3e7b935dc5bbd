#pragma once
// The models beside GPT-2 that the text and token-id commands (and the generation timing) take, behind one
// face: a Llama-family decoder (LlamaCheckpoint) or Mamba (MambaCheckpoint), chosen by config.json's
// model_type. Each keeps its own generation state (a KV cache, or Mamba's recurrent state).

#include <functional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "model/Generation.h"

namespace rlhf::model {

struct TextModel {
    int vocabSize = 0;
    // log p(ids[i] | ids[<i]) for i ≥ 1: n − 1 values.
    std::function<std::vector<double>(const std::vector<int>& ids)> tokenLogProbs;
    // `num` completions of `prompt`, stopping at the config's EOS ids and at `stopIds`.
    std::function<std::vector<Completion>(const std::vector<int>& prompt, int num, const SamplingOptions& sampling,
                                          const TokenCallback& onToken, const std::vector<int>& stopIds)>
        generate;
};

// model_type llama, qwen2 or mamba.
bool isTextModelType(const std::string& modelType);

// `dtype`: float32, or bfloat16 for a Llama-family model (LlamaModel; Mamba runs in float32 only).
// Throws std::invalid_argument (or SafetensorsError) naming the file and the problem.
TextModel loadTextModel(const std::string& dir, const torch::Device& device, torch::ScalarType dtype = torch::kFloat32);

}  // namespace rlhf::model
