#pragma once
// GPT-2, written like nanoGPT's model.py: pre-LN blocks, gelu_new (tanh), causal self-attention with
// an optional preallocated KV cache, lm_head tied to the token embedding (or its own, for configs with
// tie_word_embeddings false). Module names follow the
// Hugging Face hub layout (wte, wpe, h.N.attn.c_attn, ...), so parameters map 1:1 to checkpoint keys.
// Shapes: B batch, T new tokens, S = past + T keys, C n_embd, H n_head, D = C / H, V vocab.

#include <torch/nn.h>

#include "model/Gpt2Config.h"

namespace rlhf::model {

// Keys and values of every layer, preallocated for `capacity` positions: generation writes in place
// (no per-step concatenation). k[l], v[l]: [B, H, capacity, D].
struct KvCache {
    std::vector<torch::Tensor> k, v;
    int64_t length = 0;  // positions filled so far
    int64_t capacity = 0;
    static KvCache allocate(const Gpt2Config& config, int64_t batch, int64_t capacity, const torch::TensorOptions& options);
};

class CausalSelfAttentionImpl : public torch::nn::Module {
public:
    CausalSelfAttentionImpl(const Gpt2Config& config, int layer);
    // x [B,T,C], bias [B,1,T,S] additive; undefined means causal when T > 1 (then S == T) and
    // all keys visible when T == 1. With a cache, S = cache.length + T.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias, KvCache* cache, int layer);
    // One new token per row written at cache position writeIndex [1] (a device tensor, so a CUDA graph
    // can replay it); attention over the whole cache capacity, bias [B,1,1,capacity] closing unwritten keys.
    torch::Tensor decodeStatic(const torch::Tensor& x, const torch::Tensor& writeIndex, const torch::Tensor& bias,
                               KvCache& cache, int layer);

    torch::nn::Linear c_attn{nullptr};  // C -> 3C (q, k, v)
    torch::nn::Linear c_proj{nullptr};  // C -> C
private:
    int nHead_;
    double scale_;  // 1/sqrt(D) (scale_attn_weights) x 1/(layer+1) (scale_attn_by_inverse_layer_idx)
};
TORCH_MODULE(CausalSelfAttention);

class MlpImpl : public torch::nn::Module {
public:
    explicit MlpImpl(const Gpt2Config& config);
    torch::Tensor forward(const torch::Tensor& x);  // [B,T,C] -> [B,T,C]
    torch::nn::Linear c_fc{nullptr};    // C -> 4C
    torch::nn::Linear c_proj{nullptr};  // 4C -> C

private:
    Activation activation_;  // config.json activation_function
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(const Gpt2Config& config, int layer);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias, KvCache* cache, int layer);
    torch::Tensor decodeStatic(const torch::Tensor& x, const torch::Tensor& writeIndex, const torch::Tensor& bias,
                               KvCache& cache, int layer);
    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    CausalSelfAttention attn{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(Block);

class Gpt2ModelImpl : public torch::nn::Module {
public:
    explicit Gpt2ModelImpl(const Gpt2Config& config);

    // ids [B,T] int64; mask [B,S] (1 = real token, 0 = padding; undefined = all real), S counts the
    // cached positions too. Returns the final hidden states after ln_f: [B,T,C]. Appends to `cache`.
    torch::Tensor hidden(const torch::Tensor& ids, const torch::Tensor& mask = {}, KvCache* cache = nullptr);
    // hidden [B,T,C] -> logits [B,T,V] through the output layer (outputWeight).
    torch::Tensor logits(const torch::Tensor& hidden);
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& mask = {}, KvCache* cache = nullptr) {
        return logits(hidden(ids, mask, cache));
    }
    // The logits the losses take (with tokenLogProbs(..., config().vocabSize)): [B,T,W] with
    // W = lossLogitColumns(device) >= V; columns past V are zero. On CUDA, W is V rounded up to a multiple
    // of 64: with GPT-2's 50,257 the rows of a bf16 [N,V] product are not 16-byte aligned, and cuBLAS takes
    // slower kernels for the three vocabulary products of each training step. RLHF_NO_PADDED_VOCAB=1: W = V.
    torch::Tensor lossLogits(const torch::Tensor& ids, const torch::Tensor& mask = {});
    // log softmax(logits / temperature)[targets] at every position, the quantity the losses are made of:
    // ids [B,T], targets [B,T] in [0,V), mask as for hidden -> [B,T] float32, differentiable. On the CPU
    // the output layer and the log-probs run together a block of rows at a time (headTokenLogProbs);
    // elsewhere it is lossLogits and tokenLogProbs.
    torch::Tensor targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, const torch::Tensor& mask = {},
                                 double temperature = 1.0) {
        return headLogProbs(hidden(ids, mask), targets, temperature);
    }
    // The same from the hidden states [B,T,C] (what hidden returns).
    torch::Tensor headLogProbs(const torch::Tensor& hidden, const torch::Tensor& targets, double temperature = 1.0);
    int64_t lossLogitColumns(const torch::Device& device) const;
    // The fixed-shape decode step a CUDA graph captures (CudaGraphDecoder): tokens and positions [B,1],
    // writeIndex [1], bias [B,1,1,capacity], all device tensors; returns logits [B,1,V]. cache.length is
    // left to the caller.
    torch::Tensor decodeStatic(const torch::Tensor& tokens, const torch::Tensor& positions, const torch::Tensor& writeIndex,
                               const torch::Tensor& bias, KvCache& cache);

    const Gpt2Config& config() const { return config_; }

    // The output layer's weight [V,C]: wte's when tied (GPT-2's default), else lm_head's.
    const torch::Tensor& outputWeight() const { return lm_head ? lm_head->weight : wte->weight; }

    torch::nn::Embedding wte{nullptr};  // [V, C], also the output layer when tied
    torch::nn::Embedding wpe{nullptr};  // [n_positions, C]
    torch::nn::ModuleList h{nullptr};   // n_layer Blocks
    torch::nn::LayerNorm ln_f{nullptr};
    torch::nn::Linear lm_head{nullptr};  // C -> V without bias; only when config.tieWordEmbeddings is false

private:
    torch::Tensor lossLogitsOf(const torch::Tensor& hidden);  // [B,T,C] -> [B,T,W], as lossLogits

    Gpt2Config config_;
};
TORCH_MODULE(Gpt2Model);

torch::Tensor attentionBias(const torch::Tensor& keyMask, int64_t past, int64_t T);

// Position ids for left-padded batches: the count of real tokens before each position. mask [B,S] -> [B,S].
torch::Tensor positionsFromMask(const torch::Tensor& mask);

}  // namespace rlhf::model
