#include "model/Gpt2Model.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include <torch/torch.h>

#include "model/cpu/CausalAttention.h"
#include "model/cpu/CausalSoftmax.h"
#include "model/cpu/GeluTanh.h"
#include "model/HeadLogProbs.h"
#include "model/TokenLogProbs.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

// CUDA training and prefill (many rows): ATen's linear, one addmm with the bias added in cuBLASLt's
// epilogue; the C++ frontend's linear multiplies and then adds the bias in a separate broadcast `+=` for
// input of more than two dimensions (48 extra kernels a GPT-2 training step). Elsewhere the frontend's
// form: on the CPU the two are even, and small CUDA decode batches are faster with it
// (docs/benchmarks.md has the numbers).
torch::Tensor linear(const torch::nn::Linear& layer, const torch::Tensor& x) {
    constexpr int64_t kFusedBiasMinRows = 256;
    if (x.is_cuda() && x.numel() >= kFusedBiasMinRows * x.size(-1)) return at::linear(x, layer->weight, layer->bias);
    return torch::nn::functional::linear(x, layer->weight, layer->bias);
}

}  // namespace

KvCache KvCache::allocate(const Gpt2Config& c, int64_t batch, int64_t capacity, const torch::TensorOptions& options) {
    KvCache cache;
    cache.capacity = capacity;
    for (int l = 0; l < c.nLayer; ++l) {
        cache.k.push_back(torch::zeros({batch, c.nHead, capacity, c.headSize()}, options));
        cache.v.push_back(torch::zeros({batch, c.nHead, capacity, c.headSize()}, options));
    }
    return cache;
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const Gpt2Config& c, int layer)
    : nHead_(c.nHead),
      scale_((c.scaleAttnWeights ? 1.0 / std::sqrt(static_cast<double>(c.headSize())) : 1.0) /
             (c.scaleAttnByInverseLayerIdx ? layer + 1.0 : 1.0)) {
    c_attn = register_module("c_attn", torch::nn::Linear(c.nEmbd, 3 * c.nEmbd));
    c_proj = register_module("c_proj", torch::nn::Linear(c.nEmbd, c.nEmbd));
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias, KvCache* cache,
                                               int layer) {
    const int64_t B = x.size(0), T = x.size(1), C = x.size(2), D = C / nHead_;
    auto qkv = linear(c_attn, x).split(C, /*dim=*/2);                        // 3 x [B,T,C]
    auto q = qkv[0].view({B, T, nHead_, D}).transpose(1, 2);        // [B,H,T,D]
    auto k = qkv[1].view({B, T, nHead_, D}).transpose(1, 2);
    auto v = qkv[2].view({B, T, nHead_, D}).transpose(1, 2);
    if (cache) {
        const int64_t past = cache->length;
        cache->k[layer].narrow(2, past, T).copy_(k);
        cache->v[layer].narrow(2, past, T).copy_(v);
        k = cache->k[layer].narrow(2, 0, past + T);                  // [B,H,S,D]
        v = cache->v[layer].narrow(2, 0, past + T);
    }
#if TORCH_VERSION_MAJOR >= 2
    // No bias and T > 1 means plain causal attention over S == T keys (training, prefill without padding).
    const bool causal = !bias.defined() && T > 1;
    // Fused kernels (flash / memory-efficient) need is_causal instead of an explicit mask.
    // SDPA scales by 1/sqrt(D) itself; q carries any other factor (its `scale` argument is 2.1+ only).
    const double extra = scale_ * std::sqrt(static_cast<double>(D));
    if (extra != 1.0) q = q * extra;
    auto y = bias.defined() ? at::scaled_dot_product_attention(q, k, v, bias.to(q.scalar_type()))
                            : at::scaled_dot_product_attention(q, k, v, {}, 0.0, causal);
#else
    torch::Tensor y;                                                 // [B,H,T,D]
    if (!bias.defined() && k.size(2) == T && fusedCausalAttentionAvailable(q, k, v)) {
        y = causalAttention(q, k, v, scale_);                        // float32 training, prefill from position 0
    } else {
        auto att = torch::matmul(q, k.transpose(-2, -1));           // [B,H,T,S]
        // Without a bias, query t sees keys 0..past+t (S - T = past): causal training and prefill, or one
        // new token that sees everything.
        att = bias.defined() ? torch::softmax(att * scale_ + bias, -1) : causalSoftmax(att, scale_, k.size(2) - T);
        y = torch::matmul(att, v);
    }
#endif
    y = y.transpose(1, 2).contiguous().view({B, T, C});
    return linear(c_proj, y);
}

torch::Tensor CausalSelfAttentionImpl::decodeStatic(const torch::Tensor& x, const torch::Tensor& writeIndex,
                                                    const torch::Tensor& bias, KvCache& cache, int layer) {
    const int64_t B = x.size(0), C = x.size(2), D = C / nHead_;
    auto qkv = linear(c_attn, x).split(C, 2);                                  // 3 x [B,1,C]
    auto q = qkv[0].view({B, 1, nHead_, D}).transpose(1, 2);           // [B,H,1,D]
    cache.k[layer].index_copy_(2, writeIndex, qkv[1].view({B, 1, nHead_, D}).transpose(1, 2));
    cache.v[layer].index_copy_(2, writeIndex, qkv[2].view({B, 1, nHead_, D}).transpose(1, 2));
    auto att = torch::matmul(q, cache.k[layer].transpose(-2, -1)) * scale_ + bias;  // [B,H,1,capacity]
    auto y = torch::matmul(att.softmax(-1), cache.v[layer]);                        // [B,H,1,D]
    return linear(c_proj, y.transpose(1, 2).reshape({B, 1, C}));
}

MlpImpl::MlpImpl(const Gpt2Config& c) : activation_(c.activationKind()) {
    c_fc = register_module("c_fc", torch::nn::Linear(c.nEmbd, c.mlpWidth()));
    c_proj = register_module("c_proj", torch::nn::Linear(c.mlpWidth(), c.nEmbd));
}

namespace {

// Hugging Face's ACT2FN for the names Gpt2Config accepts.
torch::Tensor activate(const torch::Tensor& x, Activation a) {
    switch (a) {
        case Activation::GeluErf: return torch::gelu(x);
        case Activation::Relu: return torch::relu(x);
        case Activation::Silu: return torch::silu(x);
        case Activation::QuickGelu: return x * torch::sigmoid(1.702 * x);
        case Activation::GeluTanh: break;
    }
    return geluKernelTakes(x) ? geluTanh(x) : torch::gelu(x, "tanh");  // GPT-2's tanh approximation
}

}  // namespace

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
    return linear(c_proj, activate(linear(c_fc, x), activation_));  // [B,T,4C] inside
}

BlockImpl::BlockImpl(const Gpt2Config& c, int layer) {
    const auto ln = torch::nn::LayerNormOptions({c.nEmbd}).eps(c.layerNormEpsilon);
    ln_1 = register_module("ln_1", torch::nn::LayerNorm(ln));
    attn = register_module("attn", CausalSelfAttention(c, layer));
    ln_2 = register_module("ln_2", torch::nn::LayerNorm(ln));
    mlp = register_module("mlp", Mlp(c));
}

torch::Tensor BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& bias, KvCache* cache, int layer) {
    auto y = x + attn(ln_1(x), bias, cache, layer);
    return y + mlp(ln_2(y));
}

torch::Tensor BlockImpl::decodeStatic(const torch::Tensor& x, const torch::Tensor& writeIndex, const torch::Tensor& bias,
                                      KvCache& cache, int layer) {
    auto y = x + attn->decodeStatic(ln_1(x), writeIndex, bias, cache, layer);
    return y + mlp(ln_2(y));
}

Gpt2ModelImpl::Gpt2ModelImpl(const Gpt2Config& c) : config_(c) {
    wte = register_module("wte", torch::nn::Embedding(c.vocabSize, c.nEmbd));
    wpe = register_module("wpe", torch::nn::Embedding(c.nPositions, c.nEmbd));
    h = register_module("h", torch::nn::ModuleList());
    for (int l = 0; l < c.nLayer; ++l) h->push_back(Block(c, l));
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.nEmbd}).eps(c.layerNormEpsilon)));
    if (!c.tieWordEmbeddings)
        lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(c.nEmbd, c.vocabSize).bias(false)));
    // GPT-2 initialisation (used by from-scratch models; loading overwrites it).
    torch::NoGradGuard noGrad;
    for (auto& p : named_parameters()) {
        if (p.key().find("ln_") != std::string::npos) continue;
        if (p.key().ends_with(".bias")) p.value().zero_();
        else p.value().normal_(0.0, p.key().ends_with("c_proj.weight") ? 0.02 / std::sqrt(2.0 * c.nLayer) : 0.02);
    }
}

torch::Tensor positionsFromMask(const torch::Tensor& mask) {
    return (mask.to(torch::kLong).cumsum(1) - 1).clamp_min(0);
}

// Query t (absolute past+t) sees key s when s <= past+t and key s is a real token.
// keyMask [B,S] bool -> additive bias [B,1,T,S]: 0 where allowed, a large negative number elsewhere
// (finite, so a padding query that sees nothing gets uniform weights instead of NaN).
torch::Tensor attentionBias(const torch::Tensor& keyMask, int64_t past, int64_t T) {
    const int64_t S = keyMask.size(1);
    auto causal = torch::ones({T, S}, keyMask.options()).tril(past);  // [T,S]
    auto allowed = causal.unsqueeze(0) & keyMask.unsqueeze(1);        // [B,T,S]
    return torch::zeros(allowed.sizes(), torch::dtype(torch::kFloat).device(keyMask.device()))
        .masked_fill(allowed.logical_not(), -1e9f)
        .unsqueeze(1);
}

torch::Tensor Gpt2ModelImpl::hidden(const torch::Tensor& ids, const torch::Tensor& mask, KvCache* cache) {
    const int64_t T = ids.size(1);
    const int64_t past = cache ? cache->length : 0, S = past + T;
    if (S > config_.nPositions)
        throw std::invalid_argument("sequence of " + std::to_string(S) + " tokens exceeds the context length " +
                                    std::to_string(config_.nPositions));
    if (cache && S > cache->capacity) throw std::invalid_argument("KV cache capacity exceeded");
    const auto dev = ids.device();
    torch::Tensor positions, bias;
    if (mask.defined()) {
        positions = positionsFromMask(mask.to(dev)).narrow(1, past, T);                       // [B,T]
        bias = attentionBias(mask.to(dev).to(torch::kBool), past, T);                          // [B,1,T,S]
    } else {
        positions = torch::arange(past, S, torch::dtype(torch::kLong).device(dev)).unsqueeze(0);  // [1,T]
        // No padding: one new token sees every key (no bias); T tokens from position 0 are plainly causal
        // (no bias either, see the attention); only T > 1 after a cached past needs an explicit bias.
        if (T > 1 && past > 0) bias = attentionBias(torch::ones({1, S}, torch::dtype(torch::kBool).device(dev)), past, T);
    }
    auto x = wte(ids) + wpe(positions);                                                     // [B,T,C]
    for (size_t l = 0; l < h->size(); ++l) x = h[l]->as<Block>()->forward(x, bias, cache, static_cast<int>(l));
    if (cache) cache->length = S;
    return ln_f(x);
}

torch::Tensor Gpt2ModelImpl::decodeStatic(const torch::Tensor& tokens, const torch::Tensor& positions,
                                          const torch::Tensor& writeIndex, const torch::Tensor& bias, KvCache& cache) {
    auto x = wte(tokens) + wpe(positions);  // [B,1,C]
    for (size_t l = 0; l < h->size(); ++l)
        x = h[l]->as<Block>()->decodeStatic(x, writeIndex, bias, cache, static_cast<int>(l));
    return logits(ln_f(x));
}

torch::Tensor Gpt2ModelImpl::logits(const torch::Tensor& hidden) {
    return torch::matmul(hidden, outputWeight().t());  // [B,T,C] x [C,V] -> [B,T,V]
}

int64_t Gpt2ModelImpl::lossLogitColumns(const torch::Device& device) const {
    static const bool unpadded = switchedOff(EngineSwitch::PaddedVocab);
    const int64_t V = config_.vocabSize;
    return device.is_cuda() && !unpadded ? (V + 63) / 64 * 64 : V;
}

torch::Tensor Gpt2ModelImpl::lossLogits(const torch::Tensor& ids, const torch::Tensor& mask) {
    return lossLogitsOf(hidden(ids, mask));
}

torch::Tensor Gpt2ModelImpl::lossLogitsOf(const torch::Tensor& x) {
    const int64_t V = config_.vocabSize, W = lossLogitColumns(x.device());
    if (W == V) return logits(x);
    // The output weight plus W - V zero rows: its gradient flows back through the concatenation.
    const auto& head = outputWeight();
    auto weight = torch::cat({head, head.new_zeros({W - V, config_.nEmbd})});  // [W,C]
    return torch::matmul(x, weight.t());                                           // [B,T,W]
}

torch::Tensor Gpt2ModelImpl::headLogProbs(const torch::Tensor& x, const torch::Tensor& targets, double temperature) {
    if (x.dim() != 3 || targets.sizes() != x.sizes().slice(0, 2))
        throw std::invalid_argument("targets [B,T] must match the hidden states [B,T,C]");
    const auto rows = x.reshape({-1, config_.nEmbd});    // [B*T,C]
    const auto t = targets.reshape({-1}).to(x.device());  // [B*T]
    if (headKernelTakes(rows, outputWeight()))
        return headTokenLogProbs(rows, outputWeight(), t, temperature).view(targets.sizes());
    return tokenLogProbs(lossLogitsOf(x).reshape({rows.size(0), -1}), t, temperature, config_.vocabSize).view(targets.sizes());
}

}  // namespace rlhf::model
