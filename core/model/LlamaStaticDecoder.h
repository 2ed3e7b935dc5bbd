#pragma once
// A Llama-family model's decode step over a preallocated cache and fixed-address inputs
// (LlamaModel::decodeStatic over StaticDecodeInputs): on CUDA captured once as a graph and replayed per
// token (CapturedDecodeStep), as GPT-2's CudaGraphDecoder; without CUDA graphs (a CPU build, or
// RLHF_NO_CUDA_GRAPHS=1), or when not asked to capture, the same step runs op by op (what the tests run
// on the CPU). Left-padded rows are given by each row's first real position, as LlamaCpuDecoder's.
// Not thread-safe; the model must outlive it.

#include <cstdint>
#include <memory>
#include <vector>

#include <torch/types.h>

#include "model/CapturedDecodeStep.h"
#include "model/LlamaModel.h"
#include "model/StaticDecodeInputs.h"

namespace rlhf::model {

class LlamaStaticDecoder {
public:
    // prefilled: the model's cache after the prompt (S positions, [B,K,S,D] per layer); capacity > S: the
    // positions the decoder can hold (std::invalid_argument otherwise). `capture`: record a CUDA graph
    // (CapturedDecodeStep::available() and a CUDA model).
    LlamaStaticDecoder(const LlamaModel& model, const LlamaModel::KvCache& prefilled, int64_t capacity,
                       const std::vector<int64_t>& firstReal, bool capture);
    // tokens [B] or [B,1] int64 on the model's device, fed at position length(): the logits [B,1,V]
    // (float32; a buffer the next call overwrites). Throws std::invalid_argument past the capacity.
    torch::Tensor step(const torch::Tensor& tokens);
    int64_t length() const { return length_; }

    // Whether generation captures this model's step as a CUDA graph: a model on a GPU, a build with CUDA
    // graphs, RLHF_NO_CUDA_GRAPHS unset.
    static bool capturable(const LlamaModel& model);

private:
    torch::Tensor decode();

    const LlamaModel& model_;
    LlamaModel::KvCache cache_;  // [B,K,capacity,D] per layer
    StaticDecodeInputs inputs_;
    std::unique_ptr<CapturedDecodeStep> captured_;
    int64_t capacity_, length_;
};

}  // namespace rlhf::model
