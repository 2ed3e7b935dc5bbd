#pragma once
// Mamba as transformers' MambaForCausalLM: token embeddings, `num_hidden_layers` residual blocks
// (h + mixer(RMSNorm(h)), the residual in float32), a final RMSNorm, and the output layer tied to the
// embeddings or its own. Module names follow the checkpoint keys (backbone.embeddings,
// backbone.layers.N.norm / .mixer, backbone.norm_f, lm_head), so parameters map 1:1 to them. Trainable:
// the forward pass is differentiable; with a MambaCache it continues from and updates the recurrent
// state instead, so generation costs one position's work per token whatever the context (no KV cache).
// Shapes: B batch, T positions, C hidden_size, V vocab_size.

#include <vector>

#include <torch/nn.h>

#include "model/MambaMixer.h"
#include "model/RmsNorm.h"

namespace rlhf::model {

// Every layer's recurrent state and the positions it has seen.
struct MambaCache {
    std::vector<MambaLayerState> layers;
    int64_t length = 0;
};

class MambaBlockImpl : public torch::nn::Module {
public:
    explicit MambaBlockImpl(const MambaConfig& config);
    // [B,T,C] -> [B,T,C]; `mask` [B,T] as MambaMixer's.
    torch::Tensor forward(const torch::Tensor& x, MambaLayerState* state, const torch::Tensor& mask = {});

    RmsNorm norm{nullptr};
    MambaMixer mixer{nullptr};
};
TORCH_MODULE(MambaBlock);

class MambaModelImpl : public torch::nn::Module {
public:
    // Initialised as transformers initialises a new model (torch's global generator: seed it first).
    explicit MambaModelImpl(const MambaConfig& config);

    // ids [B,T] int64 -> the final hidden states [B,T,C] (after norm_f); continues `cache` when given.
    // `mask` [B,T]: 1 on real positions, 0 on left padding (MambaMixer's), from an empty cache.
    torch::Tensor hidden(const torch::Tensor& ids, MambaCache* cache = nullptr, const torch::Tensor& mask = {});
    torch::Tensor logits(const torch::Tensor& hidden);  // [B,T,C] -> [B,T,V]
    torch::Tensor forward(const torch::Tensor& ids, MambaCache* cache = nullptr, const torch::Tensor& mask = {}) {
        return logits(hidden(ids, cache, mask));
    }
    // `ids` [B,T] through `cache` a chunk of positions at a time, so the scan's [B,chunk,I,N] tensors stay
    // small whatever T: the logits of every position [B,T,V], or with lastChunkOnly those of the last chunk
    // (generation needs only the last position's).
    torch::Tensor forwardInChunks(const torch::Tensor& ids, MambaCache& cache, bool lastChunkOnly, int64_t chunk = 256,
                                  const torch::Tensor& mask = {});
    // log softmax(logits / temperature)[targets] at every position: ids, targets [B,T] -> [B,T] float32,
    // differentiable (the next-token losses).
    torch::Tensor targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature = 1.0);
    // log p(ids[i] | ids[0..i-1]) for i = 1 … n−1: n − 1 values, without gradients.
    std::vector<double> tokenLogProbs(const std::vector<int>& ids);

    const MambaConfig& config() const { return config_; }
    torch::Device device() const { return embeddings->weight.device(); }
    // The output layer's weight [V,C]: the embeddings' when tied, else lm_head's.
    const torch::Tensor& outputWeight() const { return lm_head ? lm_head->weight : embeddings->weight; }

    torch::nn::Embedding embeddings{nullptr};  // backbone.embeddings [V,C]
    torch::nn::ModuleList layers{nullptr};     // backbone.layers: MambaBlocks
    RmsNorm norm_f{nullptr};                   // backbone.norm_f
    torch::nn::Linear lm_head{nullptr};        // C -> V, no bias; only when tie_word_embeddings is false

private:
    MambaConfig config_;
};
TORCH_MODULE(MambaModel);

}  // namespace rlhf::model
