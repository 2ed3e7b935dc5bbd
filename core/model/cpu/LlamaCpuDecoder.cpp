#include "model/cpu/LlamaCpuDecoder.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "model/cpu/ActivationKernels.h"
#include "model/cpu/CpuKernels.h"
#include "model/cpu/ParallelProducts.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

cpu::WeightData pointerOf(const torch::Tensor& t) {
    if (!t.defined()) return {};
    if (t.scalar_type() == torch::kBFloat16) return reinterpret_cast<const uint16_t*>(t.data_ptr<c10::BFloat16>());
    return t.data_ptr<float>();
}

// Absent, or contiguous and of the model's type (a bias of another type than its weight would be misread).
bool usable(const torch::Tensor& t, torch::ScalarType type) { return !t.defined() || (t.is_contiguous() && t.scalar_type() == type); }

uint16_t* bitsOf(const torch::Tensor& bf16) { return reinterpret_cast<uint16_t*>(bf16.data_ptr<c10::BFloat16>()); }

}  // namespace

bool LlamaCpuDecoder::available(const LlamaModel& model) {
    static const bool disabled = switchedOff(EngineSwitch::CpuDecoder);
    const LlamaWeights& w = model.weights();
    const bool supportedType = model.dtype() == torch::kFloat32 || model.dtype() == torch::kBFloat16;
    if (disabled || !model.device().is_cpu() || !supportedType || !w.lmHead.defined()) return false;
    const auto type = model.dtype();
    bool usableWeights = usable(w.embedTokens, type) && usable(w.norm, type) && usable(w.lmHead, type);
    for (const auto& l : w.layers)
        for (const auto* t : {&l.inputNorm, &l.postAttentionNorm, &l.q, &l.k, &l.v, &l.o, &l.qBias, &l.kBias, &l.vBias,
                              &l.oBias, &l.gate, &l.up, &l.down, &l.gateBias, &l.upBias, &l.downBias})
            usableWeights = usableWeights && usable(*t, type);
    return usableWeights;
}

LlamaCpuDecoder::LlamaCpuDecoder(const LlamaModel& model, const LlamaModel::KvCache& prefilled, int64_t capacity,
                                 std::vector<int64_t> firstReal)
    : weights_(model.weights()), firstReal_(std::move(firstReal)), capacity_(capacity), length_(prefilled.length) {
    const LlamaConfig& c = model.config();
    B_ = static_cast<int64_t>(firstReal_.size());
    C_ = c.hiddenSize, H_ = c.heads, K_ = c.kvHeads, D_ = c.headDim, I_ = c.intermediateSize, V_ = c.vocabSize;
    eps_ = static_cast<float>(c.rmsNormEps);
    bf16_ = model.dtype() == torch::kBFloat16;
    if (!available(model))
        throw std::invalid_argument("LlamaCpuDecoder: for a float32 or bfloat16 CPU model with contiguous weights of one type, RLHF_NO_CPU_DECODER unset");
    if (capacity_ < length_ || prefilled.keys.size() != weights_.layers.size() || (length_ > 0 && prefilled.keys[0].size(0) != B_))
        throw std::invalid_argument("LlamaCpuDecoder: a cache of " + std::to_string(length_) + " positions for a capacity of " +
                                    std::to_string(capacity_) + " and " + std::to_string(B_) + " rows");
    const auto frequencies = ropeInverseFrequencies(c).contiguous();
    inverseFrequencies_.assign(frequencies.data_ptr<float>(), frequencies.data_ptr<float>() + frequencies.numel());
    rotaryScale_ = static_cast<float>(c.ropeScaling.attentionFactor);
    for (size_t l = 0; l < weights_.layers.size(); ++l) {
        // Positions past length_ are written before they are read: no need to zero (and commit) them now.
        keys_.push_back(torch::empty({B_, K_, capacity_, D_}, model.dtype()));
        values_.push_back(torch::empty({B_, K_, capacity_, D_}, model.dtype()));
        keys_.back().narrow(2, 0, length_).copy_(prefilled.keys[l]);
        values_.back().narrow(2, 0, length_).copy_(prefilled.values[l]);
        const LlamaLayerWeights& w = weights_.layers[l];
        layers_.push_back({pointerOf(w.inputNorm), pointerOf(w.postAttentionNorm), pointerOf(w.q), pointerOf(w.k),
                           pointerOf(w.v), pointerOf(w.o), pointerOf(w.qBias), pointerOf(w.kBias), pointerOf(w.vBias),
                           pointerOf(w.oBias), pointerOf(w.gate), pointerOf(w.up), pointerOf(w.down),
                           pointerOf(w.gateBias), pointerOf(w.upBias), pointerOf(w.downBias),
                           bf16_ ? nullptr : keys_.back().data_ptr<float>(), bf16_ ? nullptr : values_.back().data_ptr<float>(),
                           bf16_ ? bitsOf(keys_.back()) : nullptr, bf16_ ? bitsOf(values_.back()) : nullptr});
    }
    embedTokens_ = pointerOf(weights_.embedTokens);
    norm_ = pointerOf(weights_.norm);
    lmHead_ = pointerOf(weights_.lmHead);
    for (auto* buffer : {&x_, &normed_}) buffer->resize(static_cast<size_t>(B_ * C_));
    for (auto* buffer : {&q_, &heads_}) buffer->resize(static_cast<size_t>(B_ * H_ * D_));
    for (auto* buffer : {&k_, &v_}) buffer->resize(static_cast<size_t>(B_ * K_ * D_));
    for (auto* buffer : {&gate_, &up_}) buffer->resize(static_cast<size_t>(B_ * I_));
    for (auto* buffer : {&cosines_, &sines_}) buffer->resize(static_cast<size_t>(B_ * (D_ / 2)));
    logits_ = torch::empty({B_, 1, V_}, torch::kFloat32);
}

void LlamaCpuDecoder::embed(const int64_t* tokens) {
    for (int64_t b = 0; b < B_; ++b) {
        const int64_t token = tokens[b];
        if (token < 0 || token >= V_) throw std::invalid_argument("token id " + std::to_string(token) + " is outside the vocabulary");
        float* x = x_.data() + b * C_;
        if (!bf16_) std::copy_n(embedTokens_.f32 + token * C_, C_, x);
        else std::transform(embedTokens_.bf16 + token * C_, embedTokens_.bf16 + (token + 1) * C_, x,
                            [](uint16_t bits) { return static_cast<float>(c10::BFloat16(bits, c10::BFloat16::from_bits())); });
    }
}

float LlamaCpuDecoder::rounded(float x) const { return bf16_ ? static_cast<float>(c10::BFloat16(x)) : x; }

// This step's rotary angles, once for every layer: each row's position counted from its first real
// token, angle_i = position · inv_freq_i in float32 (LlamaModel::rotary); cos and sin in the weights' type.
void LlamaCpuDecoder::computeAngles() {
    const int64_t half = D_ / 2;
    for (int64_t b = 0; b < B_; ++b) {
        const auto position = static_cast<float>(length_ - firstReal_[static_cast<size_t>(b)]);
        for (int64_t i = 0; i < half; ++i) {
            const float angle = position * inverseFrequencies_[static_cast<size_t>(i)];
            cosines_[static_cast<size_t>(b * half + i)] = rounded(std::cos(angle) * rotaryScale_);
            sines_[static_cast<size_t>(b * half + i)] = rounded(std::sin(angle) * rotaryScale_);
        }
    }
}

// This step's queries and keys rotated: for i < D/2, (x_i, x_{i+D/2}) → (x_i cos − x_{i+D/2} sin,
// x_{i+D/2} cos + x_i sin), as LlamaModel's rotate-half (x·cos + rotate_half(x)·sin: with bf16 weights
// each product and the sum rounded).
void LlamaCpuDecoder::rotate() {
    const int64_t half = D_ / 2;
    for (int64_t b = 0; b < B_; ++b) {
        const float* cosines = &cosines_[static_cast<size_t>(b * half)];
        const float* sines = &sines_[static_cast<size_t>(b * half)];
        const auto turn = [&](float* head) {
            for (int64_t i = 0; i < half; ++i) {
                const float a = head[i], z = head[i + half];
                head[i] = rounded(rounded(a * cosines[i]) - rounded(z * sines[i]));
                head[i + half] = rounded(rounded(z * cosines[i]) + rounded(a * sines[i]));
            }
        };
        for (int64_t h = 0; h < H_; ++h) turn(&q_[(b * H_ + h) * D_]);
        for (int64_t h = 0; h < K_; ++h) turn(&k_[(b * K_ + h) * D_]);
    }
}

// normed = RMSNorm(x) with `weight`, row by row.
void LlamaCpuDecoder::normalize(const Weight& weight) {
    for (int64_t b = 0; b < B_; ++b) {
        if (bf16_) cpu::rmsNorm(&x_[b * C_], weight.bf16, &normed_[b * C_], C_, eps_);
        else cpu::rmsNorm(&x_[b * C_], weight.f32, &normed_[b * C_], C_, eps_);
    }
}

// This step's keys and values at cache position length_ (with bf16 weights they hold bf16 values already:
// the conversion is exact).
void LlamaCpuDecoder::writeCache(const Layer& L) {
    const auto bits = [](float x) { return c10::BFloat16(x).x; };
    for (int64_t bk = 0; bk < B_ * K_; ++bk) {
        const int64_t at = (bk * capacity_ + length_) * D_;
        if (bf16_) {
            std::transform(&k_[bk * D_], &k_[(bk + 1) * D_], L.keysBf16 + at, bits);
            std::transform(&v_[bk * D_], &v_[(bk + 1) * D_], L.valuesBf16 + at, bits);
        } else {
            std::copy_n(&k_[bk * D_], D_, L.keys + at);
            std::copy_n(&v_[bk * D_], D_, L.values + at);
        }
    }
}

// x += o(attention(rms(x))), writing this step's keys and values at cache position length_. Query head h
// reads key/value head h / (H/K).
void LlamaCpuDecoder::attention(const Layer& L) {
    normalize(L.inputNorm);
    cpu::project(normed_.data(), B_, C_, {{L.q, L.qBias, q_.data(), H_ * D_}, {L.k, L.kBias, k_.data(), K_ * D_}, {L.v, L.vBias, v_.data(), K_ * D_}},
                 false);
    rotate();
    writeCache(L);
    const int64_t position = length_, groups = H_ / K_;
    const float scale = 1.0f / std::sqrt(static_cast<float>(D_));
    at::parallel_for(0, B_ * H_, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> weights(static_cast<size_t>(position + 1));
        for (int64_t bh = begin; bh < end; ++bh) {
            const int64_t b = bh / H_, offset = (b * K_ + (bh % H_) / groups) * capacity_ * D_, first = firstReal_[static_cast<size_t>(b)];
            if (bf16_)
                cpu::attendOneBf16(&q_[bh * D_], L.keysBf16 + offset, L.valuesBf16 + offset, first, position, D_, scale, weights.data(), &heads_[bh * D_]);
            else
                cpu::attendOne(&q_[bh * D_], L.keys + offset, L.values + offset, first, position, D_, scale, weights.data(), &heads_[bh * D_]);
        }
    });
    cpu::project(heads_.data(), B_, H_ * D_, {{L.o, L.oBias, x_.data(), C_}}, true);
}

// x += down(silu(gate(rms(x))) * up(rms(x))).
void LlamaCpuDecoder::mlp(const Layer& L) {
    normalize(L.postAttentionNorm);
    cpu::project(normed_.data(), B_, C_, {{L.gate, L.gateBias, gate_.data(), I_}, {L.up, L.upBias, up_.data(), I_}}, false);
    if (bf16_) cpu::siluGateRowsBf16(gate_.data(), up_.data(), B_ * I_);
    else cpu::siluGateRows(gate_.data(), up_.data(), B_ * I_);
    cpu::project(gate_.data(), B_, I_, {{L.down, L.downBias, x_.data(), C_}}, true);
}

torch::Tensor LlamaCpuDecoder::step(const int64_t* tokens) {
    if (length_ >= capacity_) throw std::invalid_argument("LlamaCpuDecoder: its " + std::to_string(capacity_) + " positions are full");
    embed(tokens);
    computeAngles();
    for (const Layer& layer : layers_) {
        attention(layer);
        mlp(layer);
    }
    normalize(norm_);
    cpu::project(normed_.data(), B_, C_, {{lmHead_, nullptr, logits_.data_ptr<float>(), V_}}, false);
    ++length_;
    return logits_;
}

}  // namespace rlhf::model
