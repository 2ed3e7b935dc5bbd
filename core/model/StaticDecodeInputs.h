#pragma once
// The fixed-address inputs of Gpt2Model::decodeStatic and LlamaModel::decodeStatic for B rows decoding
// one token each per step over a preallocated cache: what a captured CUDA graph reads at every replay
// (CudaGraphDecoder, LlamaStaticDecoder). Kept apart from the graph so that the same arithmetic runs, and
// is tested, on any device.
//
// Left-padded rows: row b's real tokens start at cache position firstReal[b]. Its keys before that stay
// closed, and its position ids count its real tokens only (as positionsFromMask numbers them), so a
// padded batch decodes as each of its prompts would alone.

#include <cstdint>
#include <vector>

#include <torch/types.h>

namespace rlhf::model {

class StaticDecodeInputs {
public:
    StaticDecodeInputs(int64_t batch, int64_t capacity, const torch::Device& device);

    // For a cache that holds `length` positions (the prompts): the next token goes to position `length`.
    // Rewrites the tensors in place (their addresses are what a graph recorded).
    void reset(int64_t length, const std::vector<int64_t>& firstReal);
    // Moves to the next position and opens its key in every row (clamped at the last position, where the
    // final replay has nowhere further to go). Device ops only, so a graph can capture it.
    void advance();

    torch::Tensor tokens;      // [B,1] int64, written before each step
    torch::Tensor positions;   // [B,1] int64 position ids of the tokens
    torch::Tensor writeIndex;  // [1] int64 cache position they are written to
    torch::Tensor bias;        // [B,1,1,capacity] float: 0 for a key the row sees, -1e9 for one it does not

private:
    int64_t capacity_;
};

}  // namespace rlhf::model
