#pragma once
// One decode step of a float32 GPT-2 on the CPU (B sequences, one new token each), written over raw
// weight pointers: the whole step is ~6 parallel regions per layer instead of ~25 dispatched LibTorch
// ops, which is what bounds small-batch decoding on a CPU. Same arithmetic as Gpt2Model::forward
// (pre-LN, gelu_new, scaled attention, the tied or own output layer); only the summation order differs (~1e-6).
//
// The prompt is written into the KvCache by Gpt2Model::forward first; the decoder then appends one
// position per step to the same cache tensors ([B,H,capacity,D] each). Left-padded rows are handled
// by each row's first real position: keys before it are never attended, and position ids count from it.
// Threading: step() runs its loops on LibTorch's intra-op pool (at::parallel_for); call it from one thread.
// The decoder reads the model's parameters in place (it holds the model) and writes into the cache it
// is given by reference: it must not outlive that cache.

#include <cstdint>
#include <vector>

#include "model/Gpt2Model.h"

namespace rlhf::model {

class CpuDecoder {
public:
    // A float32 model on the CPU, not disabled by RLHF_NO_CPU_DECODER.
    static bool available(Gpt2Model& model);

    // firstReal[b]: the first non-padding position of row b (0 without padding).
    CpuDecoder(Gpt2Model& model, KvCache& cache, std::vector<int64_t> firstReal);
    // tokens[B] are written at position cache.length; returns logits [B,1,V] (a buffer the next call
    // overwrites) and advances cache.length.
    torch::Tensor step(const int64_t* tokens);

private:
    struct Layer {
        const float *ln1Weight, *ln1Bias, *attnWeight, *attnBias, *projWeight, *projBias;
        const float *ln2Weight, *ln2Bias, *fcWeight, *fcBias, *mlpProjWeight, *mlpProjBias;
        float *keys, *values;  // cache [B,H,capacity,D]
        float scale;           // attention score factor of this layer
    };
    void embed(const int64_t* tokens);
    void attention(const Layer& layer);
    void mlp(const Layer& layer);

    Gpt2Model model_;
    KvCache& cache_;
    std::vector<int64_t> firstReal_;
    int64_t B_, C_, H_, D_, F_, V_;  // batch, width, heads, head size, MLP width, vocabulary
    float eps_;
    Activation activation_;  // of the MLP
    std::vector<Layer> layers_;
    const float *wte_, *wpe_, *lnfWeight_, *lnfBias_;
    const float* outputWeight_;  // [V,C]: wte_ when tied
    std::vector<float> x_, normed_, qkv_, heads_, hidden_;  // [B,C] [B,C] [B,3C] [B,C] [B,F]
    torch::Tensor logits_;                                  // [B,1,V]
};

}  // namespace rlhf::model
