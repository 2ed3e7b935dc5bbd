#include "model/CudaGraphDecoder.h"

#include <stdexcept>

#include <torch/torch.h>

#include "model/CapturedDecodeStep.h"
#include "model/StaticDecodeInputs.h"

namespace rlhf::model {

struct CudaGraphDecoder::Impl {
    Gpt2Model& model;
    KvCache& cache;
    StaticDecodeInputs inputs;  // what each replay reads
    std::unique_ptr<CapturedDecodeStep> captured;

    Impl(Gpt2Model& m, KvCache& c, const std::vector<int64_t>& firstReal)
        : model(m), cache(c), inputs(static_cast<int64_t>(firstReal.size()), c.capacity, m->wte->weight.device()) {
        inputs.reset(cache.length, firstReal);
        captured = std::make_unique<CapturedDecodeStep>(
            [this] { return model->decodeStatic(inputs.tokens, inputs.positions, inputs.writeIndex, inputs.bias, cache); }, inputs);
    }

    torch::Tensor step(const torch::Tensor& next) {
        if (cache.length >= cache.capacity) throw std::invalid_argument("KV cache capacity exceeded");
        inputs.tokens.copy_(next.view({-1, 1}));
        const auto logits = captured->replay();
        ++cache.length;
        return logits.select(1, 0);
    }
};

bool CudaGraphDecoder::available() { return CapturedDecodeStep::available(); }
CudaGraphDecoder::CudaGraphDecoder(Gpt2Model& model, KvCache& cache, const std::vector<int64_t>& firstReal)
    : impl_(std::make_unique<Impl>(model, cache, firstReal)) {}
CudaGraphDecoder::~CudaGraphDecoder() = default;
torch::Tensor CudaGraphDecoder::step(const torch::Tensor& tokens) { return impl_->step(tokens); }
void CudaGraphDecoder::reset(const std::vector<int64_t>& firstReal) { impl_->inputs.reset(impl_->cache.length, firstReal); }

}  // namespace rlhf::model
