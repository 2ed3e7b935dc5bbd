#include "model/CapturedDecodeStep.h"

#include <stdexcept>

#include <torch/torch.h>

#include "util/EngineSwitches.h"

#ifdef RLHF_CUDA_GRAPHS
#include <ATen/cuda/CUDAGraph.h>
#include <torch/cuda.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace rlhf::model {

#ifdef RLHF_CUDA_GRAPHS

struct CapturedDecodeStep::Impl {
    torch::Tensor logits;  // what each replay writes
    at::cuda::CUDAGraph graph;

    Impl(const std::function<torch::Tensor()>& decode, StaticDecodeInputs& inputs) {
        auto side = c10::cuda::getStreamFromPool();
        torch::cuda::synchronize();  // the prompt's work is done before the side stream starts
        {
            c10::cuda::CUDAStreamGuard guard(side);
            for (int i = 0; i < 2; ++i) logits = decode();
            graph.capture_begin();
            try {
                logits = decode();
                inputs.advance();  // inside the graph: no launches of its own per step
            } catch (...) {
                endFailedCapture();
                throw;
            }
            graph.capture_end();
        }
        torch::cuda::synchronize();
    }

    // An operation the capture forbids threw: end the capture, so that the stream takes work again.
    void endFailedCapture() {
        try {
            graph.capture_end();  // reports the capture as invalidated
        } catch (...) {
        }
    }
};

bool CapturedDecodeStep::available() { return !switchedOff(EngineSwitch::CudaGraphs); }
CapturedDecodeStep::CapturedDecodeStep(std::function<torch::Tensor()> decode, StaticDecodeInputs& inputs)
    : impl_(std::make_unique<Impl>(decode, inputs)) {}
torch::Tensor CapturedDecodeStep::replay() {
    impl_->graph.replay();
    return impl_->logits;
}

#else

struct CapturedDecodeStep::Impl {};
bool CapturedDecodeStep::available() { return false; }
CapturedDecodeStep::CapturedDecodeStep(std::function<torch::Tensor()>, StaticDecodeInputs&) {
    throw std::logic_error("this build has no CUDA graphs");
}
torch::Tensor CapturedDecodeStep::replay() { return {}; }

#endif

CapturedDecodeStep::~CapturedDecodeStep() = default;

}  // namespace rlhf::model
