#pragma once
// A Llama-family decoder (Hugging Face's LlamaForCausalLM and Qwen2ForCausalLM), computed in its
// weights' type as transformers computes it with eager attention: float32, or bf16 (half the memory; on
// CPUs with AVX512-BF16 or AMX about twice as fast) with RMSNorm's mean square, the rotary angles, the
// attention softmax and the logits in float32. RMSNorm, rotary embeddings in the rotate-half layout (inverse frequencies and angles in fp32, scaled as LlamaConfig says), grouped-query
// attention (each key/value head serves heads/kv_heads query heads), SwiGLU MLP, the output layer tied to
// the embeddings or its own. Generation (LlamaGeneration) keeps a KV cache, so a new token costs one
// position's pass. The forward pass is differentiable when the weights require gradients (LlamaModule
// registers them as parameters for training); inference callers hold a NoGradGuard or InferenceMode.
// Shapes: B batch, T positions fed, S positions cached (after this call), H query heads, K key/value
// heads, D head_dim, C hidden_size, V vocab_size. Not thread-safe: one caller at a time.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <torch/types.h>

#include "model/LlamaConfig.h"

namespace rlhf::model {

// One decoder layer's tensors, under the names of Hugging Face's model.layers.N.* (biases undefined when
// the config has none).
struct LlamaLayerWeights {
    torch::Tensor inputNorm, postAttentionNorm;                   // [C]
    torch::Tensor q, k, v, o, qBias, kBias, vBias, oBias;         // q [H*D,C], k/v [K*D,C], o [C,H*D]
    torch::Tensor gate, up, down, gateBias, upBias, downBias;     // gate/up [I,C], down [C,I]
};

struct LlamaWeights {
    torch::Tensor embedTokens;   // [V,C]
    std::vector<LlamaLayerWeights> layers;
    torch::Tensor norm;          // [C]
    torch::Tensor lmHead;        // [V,C]: embedTokens when tied; undefined in an untied sequence classifier
};

class LlamaModel {
public:
    struct KvCache {
        std::vector<torch::Tensor> keys, values;  // per layer [B,K,S,D], after rotation
        int64_t length = 0;                       // S
    };

    LlamaModel(LlamaConfig config, LlamaWeights weights);

    const LlamaConfig& config() const { return config_; }
    torch::Device device() const { return weights_.embedTokens.device(); }
    LlamaWeights& weights() { return weights_; }
    const LlamaWeights& weights() const { return weights_; }
    // The type the weights are held and computed in: float32 or bfloat16.
    torch::ScalarType dtype() const { return weights_.embedTokens.scalar_type(); }

    // The final hidden states [B,T,C] (after the last RMSNorm) of `ids` [B,T] at positions
    // cache->length … (0 without a cache); the cache, when given, gains these positions. `keyMask`
    // [B,S] (S = cache->length + T), for rows of different lengths left-padded: 0 on padding, which no
    // query attends to and no position counts (each row's positions are 0 … its own length − 1, as
    // transformers' position_ids from an attention mask). Padding positions' outputs are meaningless.
    torch::Tensor hidden(const torch::Tensor& ids, KvCache* cache = nullptr, const torch::Tensor& keyMask = {}) const;
    // Logits [B,T,V] (float32 whatever the weights' type): hidden() through the output layer. Throws std::invalid_argument for a
    // sequence classifier without one.
    torch::Tensor forward(const torch::Tensor& ids, KvCache* cache = nullptr, const torch::Tensor& keyMask = {}) const;
    // Logits [B,1,V] of the last position only: what a decode step samples from, without the [B,T,V] of a
    // whole prompt batch.
    torch::Tensor lastLogits(const torch::Tensor& ids, KvCache* cache, const torch::Tensor& keyMask = {}) const;

    // One decode step over a preallocated cache, every input at a fixed address, so that a CUDA graph can
    // capture it (StaticDecodeInputs: tokens and positions [B,1] int64, writeIndex [1] int64, bias
    // [B,1,1,capacity] float, 0 where a row sees a key and -1e9 where not). `cache` holds [B,K,capacity,D]
    // per layer; this step's keys and values are written at writeIndex. Returns logits [B,1,V] float32.
    // Rotates by the fixed frequencies: not for dynamic NTK scaling past max_position_embeddings.
    torch::Tensor decodeStatic(const torch::Tensor& tokens, const torch::Tensor& positions, const torch::Tensor& writeIndex,
                               const torch::Tensor& bias, KvCache& cache) const;

    // log p(ids[i] | ids[0..i-1]) for i = 1 … n−1: n − 1 values.
    std::vector<double> tokenLogProbs(const std::vector<int>& ids) const;

private:
    struct QueriesKeysValues {
        torch::Tensor q, k, v;  // [B,H,T,D], [B,K,T,D], [B,K,T,D]; q and k rotated
    };
    QueriesKeysValues project(const LlamaLayerWeights& w, const torch::Tensor& x, const torch::Tensor& cos,
                              const torch::Tensor& sin) const;
    torch::Tensor attention(const LlamaLayerWeights& w, const torch::Tensor& x, const torch::Tensor& cos,
                            const torch::Tensor& sin, KvCache* cache, size_t layer, const torch::Tensor& keyMask) const;
    torch::Tensor attend(const LlamaLayerWeights& w, const torch::Tensor& q, torch::Tensor k, torch::Tensor v,
                         const std::function<torch::Tensor(torch::Tensor)>& mask) const;
    std::pair<torch::Tensor, torch::Tensor> rotary(int64_t start, int64_t T, const torch::Tensor& keyMask) const;
    std::pair<torch::Tensor, torch::Tensor> rotaryAt(const torch::Tensor& positions, const torch::Tensor& inverseFrequencies) const;
    torch::Tensor inverseFrequenciesFor(const torch::Tensor& positions) const;
    bool lowPrecision() const { return dtype() != torch::kFloat32; }
    const torch::Tensor& outputLayer() const;  // lm_head [V,C]; throws std::invalid_argument for a classifier
    torch::Tensor logitsOf(const torch::Tensor& hidden) const;  // [B,T,C] → [B,T,V] float32
    torch::Tensor mlp(const LlamaLayerWeights& w, const torch::Tensor& x) const;
    torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight) const;

    LlamaConfig config_;
    LlamaWeights weights_;
    torch::Tensor inverseFrequencies_;  // [D/2] fp32, scaled per rope_scaling
};

// inv_freq [D/2] (fp32, CPU) as transformers computes it for `config` (default, linear, dynamic, llama3 or
// yarn scaling); `sequenceLength`: the length a dynamic scaling stretches to (at most max_position_embeddings:
// the plain frequencies), unused by the other types.
torch::Tensor ropeInverseFrequencies(const LlamaConfig& config, int64_t sequenceLength = 0);

}  // namespace rlhf::model
