#include "model/cpu/CpuDecoder.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "model/cpu/CpuKernels.h"
#include "model/cpu/ParallelProducts.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

const float* weightOf(const torch::Tensor& t) { return t.data_ptr<float>(); }

}  // namespace

bool CpuDecoder::available(Gpt2Model& model) {
    static const bool disabled = switchedOff(EngineSwitch::CpuDecoder);
    const auto& w = model->wte->weight;
    return !disabled && w.device().is_cpu() && w.scalar_type() == torch::kFloat32;
}

CpuDecoder::CpuDecoder(Gpt2Model& model, KvCache& cache, std::vector<int64_t> firstReal)
    : model_(model), cache_(cache), firstReal_(std::move(firstReal)) {
    const Gpt2Config& c = model->config();
    B_ = static_cast<int64_t>(firstReal_.size());
    C_ = c.nEmbd;
    H_ = c.nHead;
    D_ = c.headSize();
    F_ = c.mlpWidth();
    V_ = c.vocabSize;
    eps_ = static_cast<float>(c.layerNormEpsilon);
    activation_ = c.activationKind();
    // Parameters are used in place: they must be contiguous (they are, unless someone re-strided them).
    for (const auto& p : model->parameters())
        if (!p.is_contiguous()) throw std::invalid_argument("CpuDecoder needs contiguous parameters");
    for (int l = 0; l < c.nLayer; ++l) {
        auto& block = *model->h[static_cast<size_t>(l)]->as<Block>();
        Layer layer{};
        layer.ln1Weight = weightOf(block.ln_1->weight);
        layer.ln1Bias = weightOf(block.ln_1->bias);
        layer.attnWeight = weightOf(block.attn->c_attn->weight);
        layer.attnBias = weightOf(block.attn->c_attn->bias);
        layer.projWeight = weightOf(block.attn->c_proj->weight);
        layer.projBias = weightOf(block.attn->c_proj->bias);
        layer.ln2Weight = weightOf(block.ln_2->weight);
        layer.ln2Bias = weightOf(block.ln_2->bias);
        layer.fcWeight = weightOf(block.mlp->c_fc->weight);
        layer.fcBias = weightOf(block.mlp->c_fc->bias);
        layer.mlpProjWeight = weightOf(block.mlp->c_proj->weight);
        layer.mlpProjBias = weightOf(block.mlp->c_proj->bias);
        layer.keys = cache.k[static_cast<size_t>(l)].data_ptr<float>();
        layer.values = cache.v[static_cast<size_t>(l)].data_ptr<float>();
        // As CausalSelfAttention: 1/sqrt(D) and, for scale_attn_by_inverse_layer_idx, 1/(layer+1).
        layer.scale = static_cast<float>((c.scaleAttnWeights ? 1.0 / std::sqrt(static_cast<double>(D_)) : 1.0) /
                                         (c.scaleAttnByInverseLayerIdx ? l + 1.0 : 1.0));
        layers_.push_back(layer);
    }
    wte_ = weightOf(model->wte->weight);
    outputWeight_ = weightOf(model->outputWeight());
    wpe_ = weightOf(model->wpe->weight);
    lnfWeight_ = weightOf(model->ln_f->weight);
    lnfBias_ = weightOf(model->ln_f->bias);
    x_.resize(static_cast<size_t>(B_ * C_));
    normed_.resize(static_cast<size_t>(B_ * C_));
    qkv_.resize(static_cast<size_t>(B_ * 3 * C_));
    heads_.resize(static_cast<size_t>(B_ * C_));
    hidden_.resize(static_cast<size_t>(B_ * F_));
    logits_ = torch::empty({B_, 1, V_}, torch::kFloat32);
}

void CpuDecoder::embed(const int64_t* tokens) {
    const int64_t position = cache_.length;
    for (int64_t b = 0; b < B_; ++b) {
        const int64_t token = tokens[b], positionId = position - firstReal_[static_cast<size_t>(b)];
        if (token < 0 || token >= V_) throw std::invalid_argument("token id " + std::to_string(token) + " is outside the vocabulary");
        const float* te = wte_ + token * C_;
        const float* pe = wpe_ + positionId * C_;
        float* x = x_.data() + b * C_;
        for (int64_t i = 0; i < C_; ++i) x[i] = te[i] + pe[i];
    }
}

// x += c_proj(attention(ln_1(x))), writing this step's keys and values at cache position `length`.
void CpuDecoder::attention(const Layer& L) {
    for (int64_t b = 0; b < B_; ++b) cpu::layerNorm(&x_[b * C_], L.ln1Weight, L.ln1Bias, &normed_[b * C_], C_, eps_);
    cpu::project(normed_.data(), B_, C_, {{L.attnWeight, L.attnBias, qkv_.data(), 3 * C_}}, false);
    const int64_t capacity = cache_.capacity, position = cache_.length;
    at::parallel_for(0, B_ * H_, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> weights(static_cast<size_t>(position + 1));
        for (int64_t bh = begin; bh < end; ++bh) {
            const int64_t b = bh / H_, h = bh % H_, first = firstReal_[static_cast<size_t>(b)];
            const float* q = &qkv_[b * 3 * C_ + h * D_];
            float* keys = L.keys + bh * capacity * D_;      // [capacity, D] of this row and head
            float* values = L.values + bh * capacity * D_;
            std::copy_n(q + C_, D_, keys + position * D_);
            std::copy_n(q + 2 * C_, D_, values + position * D_);
            cpu::attendOne(q, keys, values, first, position, D_, L.scale, weights.data(), &heads_[b * C_ + h * D_]);
        }
    });
    cpu::project(heads_.data(), B_, C_, {{L.projWeight, L.projBias, x_.data(), C_}}, true);
}

// x += c_proj(act(c_fc(ln_2(x)))), act gelu_new for GPT-2.
void CpuDecoder::mlp(const Layer& L) {
    for (int64_t b = 0; b < B_; ++b) cpu::layerNorm(&x_[b * C_], L.ln2Weight, L.ln2Bias, &normed_[b * C_], C_, eps_);
    cpu::project(normed_.data(), B_, C_, {{L.fcWeight, L.fcBias, hidden_.data(), F_}}, false);
    cpu::activate(hidden_.data(), B_ * F_, activation_);
    cpu::project(hidden_.data(), B_, F_, {{L.mlpProjWeight, L.mlpProjBias, x_.data(), C_}}, true);
}

torch::Tensor CpuDecoder::step(const int64_t* tokens) {
    if (cache_.length >= cache_.capacity) throw std::invalid_argument("KV cache capacity exceeded");
    embed(tokens);
    for (const Layer& layer : layers_) {
        attention(layer);
        mlp(layer);
    }
    for (int64_t b = 0; b < B_; ++b) cpu::layerNorm(&x_[b * C_], lnfWeight_, lnfBias_, &normed_[b * C_], C_, eps_);
    cpu::project(normed_.data(), B_, C_, {{outputWeight_, nullptr, logits_.data_ptr<float>(), V_}}, false);
    ++cache_.length;
    return logits_;
}

}  // namespace rlhf::model
