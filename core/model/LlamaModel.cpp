#include "model/LlamaModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <torch/torch.h>

#include "model/SequenceLogProbs.h"

namespace rlhf::model {

namespace {

// nn.Linear's one product with the bias added inside it (in bf16 rounded once, not twice).
torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    return torch::linear(x, weight, bias);
}

// The lowest finite value of a floating dtype (bf16's is above float's: a float lowest would overflow it).
double lowestOf(torch::ScalarType type) {
    if (type == torch::kBFloat16) return static_cast<float>(std::numeric_limits<c10::BFloat16>::lowest());
    if (type == torch::kHalf) return static_cast<float>(std::numeric_limits<c10::Half>::lowest());
    if (type == torch::kDouble) return std::numeric_limits<double>::lowest();
    return std::numeric_limits<float>::lowest();
}

torch::Tensor rotateHalf(const torch::Tensor& x) {
    const int64_t half = x.size(-1) / 2;
    return torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

// YaRN (transformers' _compute_yarn_parameters): each frequency blends the plain one (kept where a
// wavelength turns more than beta_fast times within original_max_position_embeddings) and the one divided
// by factor (where it turns fewer than beta_slow times), linearly across the dimensions between.
torch::Tensor yarnInverseFrequencies(const LlamaConfig& c, const torch::Tensor& exponents) {
    const RopeScaling& s = c.ropeScaling;
    const auto positionFrequencies = torch::pow(torch::scalar_tensor(c.ropeTheta, torch::kFloat32), exponents);
    const auto kept = 1.0 / positionFrequencies, divided = 1.0 / (s.factor * positionFrequencies);
    const double D = c.headDim;
    const auto dimensionOf = [&](double rotations) {  // the dimension whose wavelength turns `rotations` times
        return D * std::log(s.originalMaxPositions / (rotations * 2 * M_PI)) / (2 * std::log(c.ropeTheta));
    };
    double low = dimensionOf(s.betaFast), high = dimensionOf(s.betaSlow);
    if (s.truncate) low = std::floor(low), high = std::ceil(high);
    low = std::max(low, 0.0), high = std::min(high, D - 1);
    if (low == high) high += 0.001;
    const auto ramp = ((torch::arange(c.headDim / 2, torch::kFloat32) - low) / (high - low)).clamp(0, 1);
    const auto keptShare = 1 - ramp;
    return divided * (1 - keptShare) + kept * keptShare;
}

// Dynamic NTK (transformers' _compute_dynamic_ntk_parameters): up to max_position_embeddings the plain
// frequencies; for a call reaching `sequenceLength` beyond it, a larger base,
// θ · (factor · L / max − (factor − 1))^(D / (D − 2)), so the slowest rotation still spans the sequence.
double dynamicBase(const LlamaConfig& c, int64_t sequenceLength) {
    const double L = static_cast<double>(std::max<int64_t>(sequenceLength, c.maxPositions)), D = c.headDim;
    const double factor = c.ropeScaling.factor;
    return c.ropeTheta * std::pow(factor * L / c.maxPositions - (factor - 1), D / (D - 2));
}

}  // namespace

torch::Tensor ropeInverseFrequencies(const LlamaConfig& c, int64_t sequenceLength) {
    const auto exponents = torch::arange(0, c.headDim, 2, torch::kLong).to(torch::kFloat32) / static_cast<double>(c.headDim);
    const RopeScaling& s = c.ropeScaling;
    if (s.type == "yarn") return yarnInverseFrequencies(c, exponents);
    const double base = s.type == "dynamic" ? dynamicBase(c, sequenceLength) : c.ropeTheta;
    auto inv = 1.0 / torch::pow(torch::scalar_tensor(base, torch::kFloat32), exponents);
    if (s.type == "linear") return inv / s.factor;
    if (s.type != "llama3") return inv;
    const double lowWavelength = s.originalMaxPositions / s.lowFreqFactor;
    const double highWavelength = s.originalMaxPositions / s.highFreqFactor;
    const auto wavelength = 2 * M_PI / inv;
    auto scaled = torch::where(wavelength > lowWavelength, inv / s.factor, inv);
    const auto smooth = (s.originalMaxPositions / wavelength - s.lowFreqFactor) / (s.highFreqFactor - s.lowFreqFactor);
    const auto smoothed = (1 - smooth) * scaled / s.factor + smooth * scaled;
    const auto medium = (wavelength >= highWavelength).logical_and(wavelength <= lowWavelength);
    return torch::where(medium, smoothed, scaled);
}

LlamaModel::LlamaModel(LlamaConfig config, LlamaWeights weights)
    : config_(std::move(config)), weights_(std::move(weights)),
      inverseFrequencies_(ropeInverseFrequencies(config_).to(weights_.embedTokens.device())) {}

// The mean square and the scaling in float32; with bf16 weights the result goes back to bf16 before the
// weight multiplies it (transformers' LlamaRMSNorm). For float32 hidden states both casts are no-ops.
torch::Tensor LlamaModel::rmsNorm(const torch::Tensor& x, const torch::Tensor& weight) const {
    const auto wide = x.to(torch::kFloat32);
    return weight * (wide * torch::rsqrt(wide.pow(2).mean(-1, true) + config_.rmsNormEps)).to(x.scalar_type());
}

torch::Tensor LlamaModel::mlp(const LlamaLayerWeights& w, const torch::Tensor& x) const {
    return linear(torch::silu(linear(x, w.gate, w.gateBias)) * linear(x, w.up, w.upBias), w.down, w.downBias);
}

LlamaModel::QueriesKeysValues LlamaModel::project(const LlamaLayerWeights& w, const torch::Tensor& x, const torch::Tensor& cos,
                                                  const torch::Tensor& sin) const {
    const int64_t B = x.size(0), T = x.size(1), H = config_.heads, K = config_.kvHeads, D = config_.headDim;
    const auto q = linear(x, w.q, w.qBias).view({B, T, H, D}).transpose(1, 2);  // [B,H,T,D]
    const auto k = linear(x, w.k, w.kBias).view({B, T, K, D}).transpose(1, 2);  // [B,K,T,D]
    const auto v = linear(x, w.v, w.vBias).view({B, T, K, D}).transpose(1, 2);
    // cos, sin [1,1,T,D], or [B,1,T,D] with a key mask or positions of their own
    return {q * cos + rotateHalf(q) * sin, k * cos + rotateHalf(k) * sin, v};
}

// o(softmax(mask(q·kᵀ/√D)) · v): q [B,H,T,D], k and v [B,K,S,D] → [B,T,C]. Query head h reads key/value
// head h / (H/K).
torch::Tensor LlamaModel::attend(const LlamaLayerWeights& w, const torch::Tensor& q, torch::Tensor k, torch::Tensor v,
                                 const std::function<torch::Tensor(torch::Tensor)>& mask) const {
    const int64_t B = q.size(0), T = q.size(2), D = config_.headDim, H = config_.heads, K = config_.kvHeads, S = k.size(2);
    // [B,K,S,D] → [B,H,S,D], each key/value head repeated H/K times in a row (repeat_interleave, written as
    // an expand: LibTorch 1.13's repeat_interleave waits for the GPU, which a CUDA graph capture forbids).
    k = k.unsqueeze(2).expand({B, K, H / K, S, D}).reshape({B, H, S, D});
    v = v.unsqueeze(2).expand({B, K, H / K, S, D}).reshape({B, H, S, D});
    const auto scores = mask(torch::matmul(q, k.transpose(2, 3)) / std::sqrt(static_cast<double>(D)));  // [B,H,T,S]
    // bf16 weights: the softmax in float32, its probabilities back in bf16 (as transformers' eager attention).
    const auto probabilities = lowPrecision() ? torch::softmax(scores, -1, torch::kFloat32).to(v.scalar_type()) : torch::softmax(scores, -1);
    const auto out = torch::matmul(probabilities, v).transpose(1, 2).reshape({B, T, H * D});
    return linear(out, w.o, w.oBias);
}

// x [B,T,C] → [B,T,C]. Queries of position p see keys 0 … p (the cache's and this call's).
torch::Tensor LlamaModel::attention(const LlamaLayerWeights& w, const torch::Tensor& x, const torch::Tensor& cos,
                                    const torch::Tensor& sin, KvCache* cache, size_t layer, const torch::Tensor& keyMask) const {
    auto [q, k, v] = project(w, x, cos, sin);
    if (cache) {
        if (cache->keys.size() <= layer) {
            cache->keys.push_back(k);
            cache->values.push_back(v);
        } else {
            cache->keys[layer] = torch::cat({cache->keys[layer], k}, 2);
            cache->values[layer] = torch::cat({cache->values[layer], v}, 2);
        }
        k = cache->keys[layer];
        v = cache->values[layer];
    }
    const int64_t B = x.size(0), T = x.size(1), S = k.size(2);
    return attend(w, q, k, v, [&](torch::Tensor scores) {
        if (T > 1) {
            const auto queryPositions = torch::arange(S - T, S, torch::kLong).to(x.device()).unsqueeze(1);  // [T,1]
            const auto keyPositions = torch::arange(0, S, torch::kLong).to(x.device()).unsqueeze(0);        // [1,S]
            scores = scores.masked_fill(keyPositions > queryPositions, -std::numeric_limits<float>::infinity());
        }
        // Padded keys get the lowest finite score, not −inf: a padding query, which sees only padding, then
        // averages finite values instead of making NaNs that 0 × NaN would carry into real rows.
        if (keyMask.defined()) scores = scores.masked_fill(keyMask.logical_not().view({B, 1, 1, S}), lowestOf(scores.scalar_type()));
        return scores;
    });
}

const torch::Tensor& LlamaModel::outputLayer() const {
    if (!weights_.lmHead.defined())
        throw std::invalid_argument("this " + config_.modelType + " model is a sequence classifier (a reward or value model): it has no language-model head");
    return weights_.lmHead;
}

torch::Tensor LlamaModel::logitsOf(const torch::Tensor& hidden) const {
    const auto logits = torch::matmul(hidden, outputLayer().t());
    return lowPrecision() ? logits.to(torch::kFloat32) : logits;
}

torch::Tensor LlamaModel::forward(const torch::Tensor& ids, KvCache* cache, const torch::Tensor& keyMask) const {
    return logitsOf(hidden(ids, cache, keyMask));
}

torch::Tensor LlamaModel::lastLogits(const torch::Tensor& ids, KvCache* cache, const torch::Tensor& keyMask) const {
    const auto h = hidden(ids, cache, keyMask);
    return logitsOf(h.narrow(1, h.size(1) - 1, 1));
}

// The rotary angles of this call's T positions, as cos and sin of [1,1,T,D]: positions start … start+T−1;
// with a key mask [B,S] each row's own, counting only its real tokens: [B,1,T,D].
std::pair<torch::Tensor, torch::Tensor> LlamaModel::rotary(int64_t start, int64_t T, const torch::Tensor& keyMask) const {
    const auto positions = keyMask.defined() ? (keyMask.to(torch::kLong).cumsum(1) - 1).clamp_min(0).narrow(1, keyMask.size(1) - T, T)  // [B,T]
                                             : torch::arange(start, start + T, torch::kLong).to(inverseFrequencies_.device()).unsqueeze(0);  // [1,T]
    return rotaryAt(positions, inverseFrequenciesFor(positions));
}

// positions [N,T] int64, inverse frequencies [D/2] → cos and sin [N,1,T,D]: the angles in float32, their cos and sin (times yarn's
// attention factor) in the weights' type (transformers).
std::pair<torch::Tensor, torch::Tensor> LlamaModel::rotaryAt(const torch::Tensor& positions, const torch::Tensor& inverseFrequencies) const {
    const auto angles = positions.to(torch::kFloat32).unsqueeze(-1) * inverseFrequencies;  // [N,T,D/2]
    const auto both = torch::cat({angles, angles}, -1).unsqueeze(1);                        // [N,1,T,D]
    auto cos = both.cos(), sin = both.sin();
    if (const double scale = config_.ropeScaling.attentionFactor; scale != 1) cos = cos * scale, sin = sin * scale;  // yarn
    if (!lowPrecision()) return {cos, sin};
    return {cos.to(dtype()), sin.to(dtype())};
}

// The frequencies of a call over `positions`: fixed, except with dynamic NTK scaling once the call's last
// position passes max_position_embeddings. Then they follow that call's length, as transformers' rotary
// embedding updates them per forward: a KV cache keeps the keys of earlier calls as they were rotated.
torch::Tensor LlamaModel::inverseFrequenciesFor(const torch::Tensor& positions) const {
    if (config_.ropeScaling.type != "dynamic") return inverseFrequencies_;
    const int64_t length = positions.max().item<int64_t>() + 1;
    if (length <= config_.maxPositions) return inverseFrequencies_;
    return ropeInverseFrequencies(config_, length).to(inverseFrequencies_.device());
}

torch::Tensor LlamaModel::hidden(const torch::Tensor& ids, KvCache* cache, const torch::Tensor& keyMask) const {
    const int64_t T = ids.size(1), start = cache ? cache->length : 0;
    if (keyMask.defined() && (keyMask.size(0) != ids.size(0) || keyMask.size(1) != start + T))
        throw std::invalid_argument("LlamaModel: a key mask of " + std::to_string(keyMask.size(1)) + " positions for " + std::to_string(start + T));
    auto h = weights_.embedTokens.index_select(0, ids.reshape({-1})).view({ids.size(0), T, config_.hiddenSize});
    const auto [cos, sin] = rotary(start, T, keyMask);
    for (size_t i = 0; i < weights_.layers.size(); ++i) {
        const auto& w = weights_.layers[i];
        h = h + attention(w, rmsNorm(h, w.inputNorm), cos, sin, cache, i, keyMask);
        h = h + mlp(w, rmsNorm(h, w.postAttentionNorm));
    }
    if (cache) cache->length = start + T;
    return rmsNorm(h, weights_.norm);
}

torch::Tensor LlamaModel::decodeStatic(const torch::Tensor& tokens, const torch::Tensor& positions, const torch::Tensor& writeIndex,
                                       const torch::Tensor& bias, KvCache& cache) const {
    auto h = weights_.embedTokens.index_select(0, tokens.reshape({-1})).view({tokens.size(0), 1, config_.hiddenSize});
    const auto [cos, sin] = rotaryAt(positions, inverseFrequencies_);  // [B,1,1,D]
    for (size_t i = 0; i < weights_.layers.size(); ++i) {
        const auto& w = weights_.layers[i];
        const auto [q, k, v] = project(w, rmsNorm(h, w.inputNorm), cos, sin);
        cache.keys[i].index_copy_(2, writeIndex, k);
        cache.values[i].index_copy_(2, writeIndex, v);
        h = h + attend(w, q, cache.keys[i], cache.values[i], [&](const torch::Tensor& scores) { return scores + bias; });
        h = h + mlp(w, rmsNorm(h, w.postAttentionNorm));
    }
    return logitsOf(rmsNorm(h, weights_.norm));
}

std::vector<double> LlamaModel::tokenLogProbs(const std::vector<int>& ids) const {
    return sequenceLogProbs([this](const torch::Tensor& input) { return forward(input); }, ids, device());
}

}  // namespace rlhf::model
