#pragma once
// Generation time per token against context length, for any model directory the engine reads (GPT-2,
// the Llama family, Mamba): one greedy generation from a one-token prompt up to the longest context asked,
// each token's arrival timed; the time per token at context L is the mean gap over the `window` tokens
// before position L, the median of several rounds. No prompt is prefilled, so a long context costs only
// its own decoding. Attention reads every cached position for each new token, so its time grows with L;
// Mamba's recurrent step does not. A GPT-2 has learned positions only up to n_positions: longer contexts
// are timed on the same shape with the position table extended (the time does not depend on the values)
// and flagged beyond_context, as are a Llama's past max_position_embeddings (its rotary positions go on,
// untrained). A Mamba has no such limit.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

namespace rlhf::model {

struct GenerationTimingOptions {
    std::vector<int64_t> contexts{64, 256, 1024, 4096};  // each at least window + 2
    int window = 32;  // tokens averaged per point
    int rounds = 3;
};

struct ContextTiming {
    int64_t context = 0;
    double msPerToken = 0;
    bool beyondContext = false;  // past a GPT-2's n_positions or a Llama's max_position_embeddings
};

struct GenerationTiming {
    std::string modelType;
    double parameters = 0;
    std::vector<ContextTiming> points;
    // {"model_type", "parameters", "window", "points": [{"context", "ms_per_token", "beyond_context"}]}
    nlohmann::json toJson(int window) const;
};

// Throws std::invalid_argument naming the directory or the option.
GenerationTiming timeGenerationAgainstContext(const std::string& dir, const GenerationTimingOptions& options,
                                              const torch::Device& device);

}  // namespace rlhf::model
