#pragma once
// One decode step of a GPT-2 (B sequences, one new token each, left-padded or not) captured as a CUDA
// graph and replayed per token: ~300 kernel launches become one graph launch, which is what bounds
// small-batch decoding on a GPU (CapturedDecodeStep). Static buffers (StaticDecodeInputs): attention runs over the whole
// preallocated cache with a bias that keeps each row's padding closed and opens one more position per
// step. Built only when LibTorch has CUDA (RLHF_CUDA_GRAPHS).

#include <memory>
#include <vector>

#include "model/Gpt2Model.h"

namespace rlhf::model {

class CudaGraphDecoder {
public:
    // `cache` already holds the prompts (cache.length positions, row b's real tokens from firstReal[b]);
    // the graph is captured here.
    CudaGraphDecoder(Gpt2Model& model, KvCache& cache, const std::vector<int64_t>& firstReal);
    ~CudaGraphDecoder();
    // tokens [B] on the device, written at position cache.length; returns logits [B,V] (a buffer reused
    // by the next call) and advances cache.length.
    torch::Tensor step(const torch::Tensor& tokens);
    // For the next call on the same cache: new prompts (cache.length positions) were written.
    void reset(const std::vector<int64_t>& firstReal);

    static bool available();  // built with CUDA graphs and not disabled by RLHF_NO_CUDA_GRAPHS

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rlhf::model
