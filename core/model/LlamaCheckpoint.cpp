#include "model/LlamaCheckpoint.h"

#include <torch/torch.h>

#include "model/CheckpointTensors.h"

namespace rlhf::model {

namespace {

LlamaLayerWeights loadLayer(CheckpointTensors& source, const LlamaConfig& c, int i, const torch::Device& device) {
    const std::string p = "model.layers." + std::to_string(i) + ".";
    const int64_t C = c.hiddenSize, I = c.intermediateSize, Q = int64_t(c.heads) * c.headDim, KV = int64_t(c.kvHeads) * c.headDim;
    LlamaLayerWeights w;
    w.inputNorm = source.take(p + "input_layernorm.weight", {C}, device);
    w.postAttentionNorm = source.take(p + "post_attention_layernorm.weight", {C}, device);
    w.q = source.take(p + "self_attn.q_proj.weight", {Q, C}, device);
    w.k = source.take(p + "self_attn.k_proj.weight", {KV, C}, device);
    w.v = source.take(p + "self_attn.v_proj.weight", {KV, C}, device);
    w.o = source.take(p + "self_attn.o_proj.weight", {C, Q}, device);
    w.qBias = source.takeIf(c.qkvBias, p + "self_attn.q_proj.bias", {Q}, device);
    w.kBias = source.takeIf(c.qkvBias, p + "self_attn.k_proj.bias", {KV}, device);
    w.vBias = source.takeIf(c.qkvBias, p + "self_attn.v_proj.bias", {KV}, device);
    w.oBias = source.takeIf(c.outputBias, p + "self_attn.o_proj.bias", {C}, device);
    w.gate = source.take(p + "mlp.gate_proj.weight", {I, C}, device);
    w.up = source.take(p + "mlp.up_proj.weight", {I, C}, device);
    w.down = source.take(p + "mlp.down_proj.weight", {C, I}, device);
    w.gateBias = source.takeIf(c.mlpBias, p + "mlp.gate_proj.bias", {I}, device);
    w.upBias = source.takeIf(c.mlpBias, p + "mlp.up_proj.bias", {I}, device);
    w.downBias = source.takeIf(c.mlpBias, p + "mlp.down_proj.bias", {C}, device);
    return w;
}

}  // namespace

LlamaModel loadLlamaModel(const std::string& dir, const torch::Device& device) {
    LlamaConfig config = LlamaConfig::fromDirectory(dir);
    CheckpointTensors source(dir);
    const int64_t V = config.vocabSize, C = config.hiddenSize;
    LlamaWeights w;
    w.embedTokens = source.take("model.embed_tokens.weight", {V, C}, device);
    for (int i = 0; i < config.layers; ++i) w.layers.push_back(loadLayer(source, config, i, device));
    w.norm = source.take("model.norm.weight", {C}, device);
    // Tied: the embeddings are the output layer (a stored lm_head.weight is the same tensor, saved twice).
    if (config.tieWordEmbeddings) {
        if (source.has("lm_head.weight")) source.take("lm_head.weight", {V, C}, device);
        w.lmHead = w.embedTokens;
    } else {
        w.lmHead = source.take("lm_head.weight", {V, C}, device);
    }
    source.refuseLeftovers({"rotary_emb.inv_freq"});
    return LlamaModel(std::move(config), std::move(w));
}

}  // namespace rlhf::model
