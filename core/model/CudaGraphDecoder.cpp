#include "model/CudaGraphDecoder.h"

#include <cstdlib>
#include <stdexcept>

#include <torch/torch.h>

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
    torch::Tensor tokens, positions, writeIndex, bias, logits;  // static graph inputs and output
    at::cuda::CUDAGraph graph;

    Impl(Gpt2Model& m, KvCache& c, int64_t batch) : model(m), cache(c) {
        const auto options = torch::TensorOptions().device(m->wte->weight.device());
        tokens = torch::zeros({batch, 1}, options.dtype(torch::kLong));
        positions = torch::zeros({batch, 1}, options.dtype(torch::kLong));
        writeIndex = torch::zeros({1}, options.dtype(torch::kLong));
        bias = torch::zeros({batch, 1, 1, c.capacity}, options.dtype(torch::kFloat));
        reset();
        auto side = c10::cuda::getStreamFromPool();
        torch::cuda::synchronize();  // the prompt's work is done before the side stream starts
        {
            c10::cuda::CUDAStreamGuard guard(side);
            // Warm-up writes junk keys at the next position; the first real step overwrites them.
            for (int i = 0; i < 2; ++i) logits = model->decodeStatic(tokens, positions, writeIndex, bias, cache);
            graph.capture_begin();
            logits = model->decodeStatic(tokens, positions, writeIndex, bias, cache);
            advance();  // inside the graph: no launches of its own per step
            graph.capture_end();
        }
        torch::cuda::synchronize();
    }

    // Keys [0, length] visible (length = the next to write); the rest closed until written.
    void reset() {
        positions.fill_(cache.length);
        writeIndex.fill_(cache.length);
        bias.fill_(-1e9f);
        bias.narrow(3, 0, cache.length + 1).fill_(0);
    }

    // Moves to the next position and opens its key (clamped: the last replay has nowhere further to go).
    void advance() {
        positions.add_(1);
        writeIndex.add_(1).clamp_max_(cache.capacity - 1);
        bias.index_fill_(3, writeIndex, 0.0);
    }

    torch::Tensor step(const torch::Tensor& next) {
        if (cache.length >= cache.capacity) throw std::invalid_argument("KV cache capacity exceeded");
        tokens.copy_(next.view({-1, 1}));
        graph.replay();
        ++cache.length;
        return logits.select(1, 0);
    }
};

bool CudaGraphDecoder::available() { return std::getenv("RLHF_NO_CUDA_GRAPHS") == nullptr; }
CudaGraphDecoder::CudaGraphDecoder(Gpt2Model& model, KvCache& cache, int64_t batch)
    : impl_(std::make_unique<Impl>(model, cache, batch)) {}
torch::Tensor CudaGraphDecoder::step(const torch::Tensor& tokens) { return impl_->step(tokens); }
void CudaGraphDecoder::reset() { impl_->reset(); }

#else

struct CudaGraphDecoder::Impl {};
bool CudaGraphDecoder::available() { return false; }
CudaGraphDecoder::CudaGraphDecoder(Gpt2Model&, KvCache&, int64_t) {
    throw std::logic_error("this build has no CUDA graphs");
}
torch::Tensor CudaGraphDecoder::step(const torch::Tensor&) { return {}; }
void CudaGraphDecoder::reset() {}

#endif

CudaGraphDecoder::~CudaGraphDecoder() = default;

}  // namespace rlhf::model
