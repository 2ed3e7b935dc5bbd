#pragma once
// A decode step captured as a CUDA graph and replayed per token: the hundreds of kernel launches of a
// small model's step become one graph launch, which is what bounds small-batch decoding on a GPU. The
// step reads and writes only fixed-address tensors (StaticDecodeInputs, a preallocated cache, the logits
// buffer it returns); the graph also advances the inputs to the next position. Used by GPT-2's
// CudaGraphDecoder and by LlamaStaticDecoder. Built only when LibTorch has CUDA (RLHF_CUDA_GRAPHS).

#include <functional>
#include <memory>

#include <torch/types.h>

#include "model/StaticDecodeInputs.h"

namespace rlhf::model {

class CapturedDecodeStep {
public:
    // Runs `decode` twice on a side stream (a warm-up that writes junk keys at the next position, which
    // the first real step overwrites), then captures decode() followed by inputs.advance(). `inputs` must
    // outlive this object and already be reset for the first step. An error during the capture ends the
    // capture and is rethrown.
    CapturedDecodeStep(std::function<torch::Tensor()> decode, StaticDecodeInputs& inputs);
    ~CapturedDecodeStep();
    // One step on what inputs.tokens holds now: the logits the captured decode() returned (the same buffer
    // every replay).
    torch::Tensor replay();

    static bool available();  // built with CUDA graphs and not disabled by RLHF_NO_CUDA_GRAPHS

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rlhf::model
