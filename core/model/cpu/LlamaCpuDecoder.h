#pragma once
// One decode step of a Llama-family model on the CPU (B sequences, one new token each), written over raw
// weight pointers as CpuDecoder is for GPT-2: ~6 parallel regions per layer instead of ~30 dispatched
// LibTorch ops, and a preallocated cache instead of LlamaModel's concatenation of the whole cache per
// step. Same arithmetic as LlamaModel::hidden (RMSNorm, rotate-half rotary embeddings over the model's
// scaled inverse frequencies, grouped-query attention, SwiGLU, q/k/v/o and MLP biases when the config has
// them, the tied or own output layer); only summation orders and cos/sin roundings differ (~1e-6).
//
// Float32 or bfloat16 weights. With bf16 weights the decoder reads them as they are (half the memory
// traffic of float32) and rounds to bf16 wherever LlamaModel's bf16 tensors do (transformers' bf16
// arithmetic): every product's and residual add's result, the norms' scaled value and output, cos/sin
// and the rotation, the attention scores, probabilities and output, silu and the gate product, the
// logits. Sums run in float32, as bf16 matrix products accumulate. Its activations are float32 buffers
// holding bf16 values; its cache is bf16.
//
// The prompt runs through LlamaModel first; the decoder copies that cache ([B,K,S,D] per layer, after
// rotation) into its own [B,K,capacity,D] buffers and appends one position per step. Left-padded rows
// (LlamaModel's key mask) are given by each row's first real position: keys before it are never
// attended, and its position ids count from it.
// Threading: step() runs its loops on LibTorch's intra-op pool (at::parallel_for); call it from one thread.
// The decoder holds the weight tensors it reads (shared storage: the model's in-place updates show).

#include <cstdint>
#include <vector>

#include <torch/types.h>

#include "model/LlamaModel.h"
#include "model/cpu/ParallelProducts.h"

namespace rlhf::model {

class LlamaCpuDecoder {
public:
    // A float32 or bfloat16 model on the CPU with a language-model head and contiguous weights all of one
    // type, not disabled by RLHF_NO_CPU_DECODER.
    static bool available(const LlamaModel& model);

    // prefilled: the model's cache after the prompt (S positions); capacity >= S: the positions the decoder
    // can hold (std::invalid_argument otherwise). firstReal[b]: the first non-padding position of row b.
    LlamaCpuDecoder(const LlamaModel& model, const LlamaModel::KvCache& prefilled, int64_t capacity,
                    std::vector<int64_t> firstReal);
    // tokens[B] are fed at position length(); returns the logits [B,1,V] (a buffer the next call
    // overwrites) and advances length(). Throws std::invalid_argument past the capacity or for a token
    // outside the vocabulary.
    torch::Tensor step(const int64_t* tokens);
    int64_t length() const { return length_; }

private:
    using Weight = cpu::WeightData;  // float32 or bfloat16, as the model holds its weights
    struct Layer {
        Weight inputNorm, postAttentionNorm;
        Weight q, k, v, o, qBias, kBias, vBias, oBias;  // biases absent when the config has none
        Weight gate, up, down, gateBias, upBias, downBias;
        float *keys, *values;             // the cache [B,K,capacity,D] of a float32 model, else null
        uint16_t *keysBf16, *valuesBf16;  // of a bf16 model (bit patterns), else null
    };
    void embed(const int64_t* tokens);
    void normalize(const Weight& weight);
    float rounded(float x) const;  // x as a bf16 operation leaves it (bf16 weights), or x
    void computeAngles();
    void rotate();
    void writeCache(const Layer& layer);
    void attention(const Layer& layer);
    void mlp(const Layer& layer);

    LlamaWeights weights_;
    std::vector<torch::Tensor> keys_, values_;  // per layer [B,K,capacity,D], in the weights' type
    std::vector<int64_t> firstReal_;
    std::vector<float> inverseFrequencies_;  // [D/2]
    float rotaryScale_ = 1;                  // cos and sin multiplied by it (yarn's attention factor)
    int64_t B_, C_, H_, K_, D_, I_, V_, capacity_, length_;
    float eps_;
    bool bf16_;
    std::vector<Layer> layers_;
    Weight embedTokens_, norm_, lmHead_;
    std::vector<float> x_, normed_, q_, k_, v_, heads_, gate_, up_;  // [B,C] [B,C] [B,H*D] [B,K*D] [B,K*D] [B,H*D] [B,I] [B,I]
    std::vector<float> cosines_, sines_;                              // [B,D/2] of this step's positions
    torch::Tensor logits_;                                            // [B,1,V]
};

}  // namespace rlhf::model
