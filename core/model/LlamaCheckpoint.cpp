#include "model/LlamaCheckpoint.h"

#include <stdexcept>

#include <torch/torch.h>

#include "model/CheckpointTensors.h"

namespace rlhf::model {

namespace {

void addLayerSlots(std::vector<LlamaTensorSlot>& slots, const LlamaConfig& c, int i, LlamaLayerWeights& w) {
    const std::string p = "model.layers." + std::to_string(i) + ".";
    const int64_t C = c.hiddenSize, I = c.intermediateSize, Q = int64_t(c.heads) * c.headDim, KV = int64_t(c.kvHeads) * c.headDim;
    const auto add = [&](bool present, const std::string& name, std::vector<int64_t> shape, torch::Tensor& t) {
        if (present) slots.push_back({p + name, std::move(shape), &t});
    };
    add(true, "input_layernorm.weight", {C}, w.inputNorm);
    add(true, "self_attn.q_proj.weight", {Q, C}, w.q);
    add(c.qkvBias, "self_attn.q_proj.bias", {Q}, w.qBias);
    add(true, "self_attn.k_proj.weight", {KV, C}, w.k);
    add(c.qkvBias, "self_attn.k_proj.bias", {KV}, w.kBias);
    add(true, "self_attn.v_proj.weight", {KV, C}, w.v);
    add(c.qkvBias, "self_attn.v_proj.bias", {KV}, w.vBias);
    add(true, "self_attn.o_proj.weight", {C, Q}, w.o);
    add(c.outputBias, "self_attn.o_proj.bias", {C}, w.oBias);
    add(true, "post_attention_layernorm.weight", {C}, w.postAttentionNorm);
    add(true, "mlp.gate_proj.weight", {I, C}, w.gate);
    add(c.mlpBias, "mlp.gate_proj.bias", {I}, w.gateBias);
    add(true, "mlp.up_proj.weight", {I, C}, w.up);
    add(c.mlpBias, "mlp.up_proj.bias", {I}, w.upBias);
    add(true, "mlp.down_proj.weight", {C, I}, w.down);
    add(c.mlpBias, "mlp.down_proj.bias", {C}, w.downBias);
}

}  // namespace

std::vector<LlamaTensorSlot> llamaTensorSlots(const LlamaConfig& c, LlamaWeights& w) {
    const int64_t V = c.vocabSize, C = c.hiddenSize;
    std::vector<LlamaTensorSlot> slots{{"model.embed_tokens.weight", {V, C}, &w.embedTokens}};
    w.layers.resize(static_cast<size_t>(c.layers));
    for (int i = 0; i < c.layers; ++i) addLayerSlots(slots, c, i, w.layers[static_cast<size_t>(i)]);
    slots.push_back({"model.norm.weight", {C}, &w.norm});
    if (!c.tieWordEmbeddings && c.scoreLabels == 0) slots.push_back({"lm_head.weight", {V, C}, &w.lmHead});
    return slots;
}

LlamaModel loadLlamaModel(const std::string& dir, const torch::Device& device, torch::Tensor* score, torch::ScalarType dtype) {
    if (dtype != torch::kFloat32 && dtype != torch::kBFloat16)
        throw std::invalid_argument(dir + ": a Llama-family model is computed in float32 or bfloat16");
    LlamaConfig config = LlamaConfig::fromDirectory(dir);
    if (config.scoreLabels > 0 && !score)
        throw std::invalid_argument(dir + ": a sequence classifier (a reward or value model, " + config.modelType +
                                    "): it scores text and has no language-model head to generate or score tokens with");
    CheckpointTensors source(dir);
    LlamaWeights w;
    for (const auto& slot : llamaTensorSlots(config, w)) *slot.tensor = source.take(slot.name, slot.shape, device, dtype);
    if (config.scoreLabels > 0) {
        *score = source.take("score.weight", {config.scoreLabels, config.hiddenSize}, device, dtype);
    }
    // Tied: the embeddings are the output layer (a stored lm_head.weight is the same tensor, saved twice).
    if (config.tieWordEmbeddings) {
        if (source.has("lm_head.weight")) source.take("lm_head.weight", {config.vocabSize, config.hiddenSize}, device, dtype);
        w.lmHead = w.embedTokens;
    }
    source.refuseLeftovers({"rotary_emb.inv_freq"});
    return LlamaModel(std::move(config), std::move(w));
}

}  // namespace rlhf::model
