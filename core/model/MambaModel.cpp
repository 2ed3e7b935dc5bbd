#include "model/MambaModel.h"

#include <algorithm>

#include <torch/torch.h>

#include "model/SequenceLogProbs.h"
#include "model/TokenLogProbs.h"

namespace rlhf::model {

MambaBlockImpl::MambaBlockImpl(const MambaConfig& c)
    : norm(register_module("norm", RmsNorm(c.hiddenSize, c.layerNormEps))), mixer(register_module("mixer", MambaMixer(c))) {}

torch::Tensor MambaBlockImpl::forward(const torch::Tensor& x, MambaLayerState* state, const torch::Tensor& mask) {
    return x.to(torch::kFloat32) + mixer->forward(norm(x), state, mask);  // residual_in_fp32
}

MambaModelImpl::MambaModelImpl(const MambaConfig& c) : config_(c) {
    // The body sits under "backbone." as in MambaForCausalLM; a plain module holds it.
    auto backbone = register_module("backbone", std::make_shared<torch::nn::Module>());
    embeddings = backbone->register_module("embeddings", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
    layers = backbone->register_module("layers", torch::nn::ModuleList());
    for (int i = 0; i < c.layers; ++i) layers->push_back(MambaBlock(c));
    norm_f = backbone->register_module("norm_f", RmsNorm(c.hiddenSize, c.layerNormEps));
    if (!c.tieWordEmbeddings)
        lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(c.hiddenSize, c.vocabSize).bias(false)));
    torch::NoGradGuard noGrad;
    embeddings->weight.normal_(0.0, c.initializerRange);
}

torch::Tensor MambaModelImpl::hidden(const torch::Tensor& ids, MambaCache* cache, const torch::Tensor& mask) {
    auto h = embeddings(ids);
    if (cache && cache->layers.empty()) cache->layers.resize(layers->size());
    for (size_t i = 0; i < layers->size(); ++i)
        h = layers->ptr<MambaBlockImpl>(i)->forward(h, cache ? &cache->layers[i] : nullptr, mask);
    if (cache) cache->length += ids.size(1);
    return norm_f(h);
}

torch::Tensor MambaModelImpl::logits(const torch::Tensor& hidden) {
    return torch::matmul(hidden, outputWeight().t());
}

torch::Tensor MambaModelImpl::forwardInChunks(const torch::Tensor& ids, MambaCache& cache, bool lastChunkOnly, int64_t chunk,
                                               const torch::Tensor& mask) {
    std::vector<torch::Tensor> logits;
    for (int64_t start = 0; start < ids.size(1); start += chunk) {
        const int64_t length = std::min(chunk, ids.size(1) - start);
        auto part = forward(ids.narrow(1, start, length), &cache, mask.defined() ? mask.narrow(1, start, length) : mask);
        if (lastChunkOnly) logits.clear();
        logits.push_back(std::move(part));
    }
    return logits.size() == 1 ? logits.front() : torch::cat(logits, 1);
}

torch::Tensor MambaModelImpl::targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature) {
    const auto l = forward(ids);  // [B,T,V]
    return model::tokenLogProbs(l.reshape({-1, l.size(-1)}), targets.reshape({-1}), temperature).view(targets.sizes());
}

std::vector<double> MambaModelImpl::tokenLogProbs(const std::vector<int>& ids) {
    return sequenceLogProbs([this](const torch::Tensor& input) {
        MambaCache cache;
        return forwardInChunks(input, cache, false);
    }, ids, device());
}

}  // namespace rlhf::model
