#pragma once
// One decode step of a GPT-2 (B sequences, one new token each, no padding) captured as a CUDA graph
// and replayed per token: ~300 kernel launches become one graph launch, which is what bounds batch-1
// decoding on a GPU. Static buffers: attention runs over the whole preallocated cache with a bias
// that opens one more position per step. Built only when LibTorch has CUDA (RLHF_CUDA_GRAPHS).

#include <memory>

#include "model/Gpt2Model.h"

namespace rlhf::model {

class CudaGraphDecoder {
public:
    // `cache` already holds the prompt (cache.length positions); the graph is captured here.
    CudaGraphDecoder(Gpt2Model& model, KvCache& cache, int64_t batch);
    ~CudaGraphDecoder();
    // tokens [B] on the device, written at position cache.length; returns logits [B,V] (a buffer reused
    // by the next call) and advances cache.length.
    torch::Tensor step(const torch::Tensor& tokens);
    // For the next call on the same cache: the prompt (cache.length positions) was written again.
    void reset();

    static bool available();  // built with CUDA graphs and not disabled by RLHF_NO_CUDA_GRAPHS

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rlhf::model
