#pragma once
// `rlhf bench llama`: a random Llama-family model of a real checkpoint's shape on this machine, measured
// as bench/py_llama_baseline.py measures PyTorch eager on the same shapes: a prompt's prefill, greedy
// decoding one token at a time through the KV cache (as generation decodes: the CPU decoder where it
// applies), and scoring a sequence (its token log-probs), with the process's peak resident memory beside
// the memory estimate for chat.

#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "model/LlamaModel.h"

namespace rlhf::model {

struct LlamaBenchOptions {
    std::string preset = "qwen2-0.5b";  // tiny, smollm-135m, qwen2-0.5b
    int promptTokens = 128, newTokens = 32, scoreTokens = 256, rounds = 3;
    int trainTokens = 128;  // the training steps' sequence (train/LlamaTrainBench; 0: none)
    uint64_t seed = 1;
    bool bf16 = false;  // the inference rounds with bf16 weights, the training steps under bf16 autocast
};

// Throws std::invalid_argument for another preset name.
LlamaConfig llamaBenchPreset(const std::string& name);

// Random weights of `config`'s shapes (normal, std 0.02; norms at 1), float32 on `device`.
LlamaWeights randomLlamaWeights(const LlamaConfig& config, const torch::Device& device);

// The process's peak resident memory so far (VmHWM), in GiB.
double peakResidentGib();

// {"preset", "parameters", "precision", "cpu_decoder" (whether decoding ran through LlamaCpuDecoder),
// "cuda_graph" (through a captured CUDA graph), "prefill_tokens_per_s", "decode_tokens_per_s",
// "score_tokens_per_s" (medians of the rounds after a warm-up), "peak_rss_gib", "estimated_chat_gib"}.
nlohmann::ordered_json runLlamaBench(const LlamaBenchOptions& options, const torch::Device& device);

}  // namespace rlhf::model
