#include "model/CudaGraphDecoder.h"

#include <cstdlib>
#include <stdexcept>

#include <torch/torch.h>

#include "model/StaticDecodeInputs.h"
#include "util/EngineSwitches.h"

#ifdef RLHF_CUDA_GRAPHS
#include <ATen/cuda/CUDAGraph.h>
#include <torch/cuda.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace rlhf::model {

#ifdef RLHF_CUDA_GRAPHS

struct CudaGraphDecoder::Impl {
    Gpt2Model& model;
    KvCache& cache;
    StaticDecodeInputs inputs;  // what each replay reads
    torch::Tensor logits;       // what each replay writes
    at::cuda::CUDAGraph graph;

    Impl(Gpt2Model& m, KvCache& c, const std::vector<int64_t>& firstReal)
        : model(m), cache(c), inputs(static_cast<int64_t>(firstReal.size()), c.capacity, m->wte->weight.device()) {
        inputs.reset(cache.length, firstReal);
        auto side = c10::cuda::getStreamFromPool();
        torch::cuda::synchronize();  // the prompt's work is done before the side stream starts
        {
            c10::cuda::CUDAStreamGuard guard(side);
            // Warm-up writes junk keys at the next position; the first real step overwrites them.
            for (int i = 0; i < 2; ++i) logits = decode();
            graph.capture_begin();
            logits = decode();
            inputs.advance();  // inside the graph: no launches of its own per step
            graph.capture_end();
        }
        torch::cuda::synchronize();
    }

    torch::Tensor decode() {
        return model->decodeStatic(inputs.tokens, inputs.positions, inputs.writeIndex, inputs.bias, cache);
    }

    torch::Tensor step(const torch::Tensor& next) {
        if (cache.length >= cache.capacity) throw std::invalid_argument("KV cache capacity exceeded");
        inputs.tokens.copy_(next.view({-1, 1}));
        graph.replay();
        ++cache.length;
        return logits.select(1, 0);
    }
};

bool CudaGraphDecoder::available() { return !switchedOff(EngineSwitch::CudaGraphs); }
CudaGraphDecoder::CudaGraphDecoder(Gpt2Model& model, KvCache& cache, const std::vector<int64_t>& firstReal)
    : impl_(std::make_unique<Impl>(model, cache, firstReal)) {}
torch::Tensor CudaGraphDecoder::step(const torch::Tensor& tokens) { return impl_->step(tokens); }
void CudaGraphDecoder::reset(const std::vector<int64_t>& firstReal) { impl_->inputs.reset(impl_->cache.length, firstReal); }

#else

struct CudaGraphDecoder::Impl {};
bool CudaGraphDecoder::available() { return false; }
CudaGraphDecoder::CudaGraphDecoder(Gpt2Model&, KvCache&, const std::vector<int64_t>&) {
    throw std::logic_error("this build has no CUDA graphs");
}
torch::Tensor CudaGraphDecoder::step(const torch::Tensor&) { return {}; }
void CudaGraphDecoder::reset(const std::vector<int64_t>&) {}

#endif

CudaGraphDecoder::~CudaGraphDecoder() = default;

}  // namespace rlhf::model
