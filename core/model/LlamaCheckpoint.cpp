#include "model/LlamaCheckpoint.h"

#include <map>
#include <set>
#include <stdexcept>

#include <torch/torch.h>

#include "model/WeightFiles.h"

namespace rlhf::model {

namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

// The directory's tensors by name ("model." prefix as stored); takes each out once, checking its shape.
class TensorSource {
public:
    explicit TensorSource(const std::string& dir) : files_(openWeightFiles(dir)) {
        for (const auto& file : files_)
            for (const auto& [name, info] : file->tensors()) {
                if (info.dtype != "F32" && info.dtype != "F16" && info.dtype != "BF16")
                    throw std::invalid_argument(file->path() + ": tensor '" + name + "' has dtype " + info.dtype + " (expected F32, F16 or BF16)");
                if (!where_.emplace(name, file.get()).second)
                    throw std::invalid_argument(file->path() + ": tensor '" + name + "' is stored twice");
            }
    }

    bool has(const std::string& name) const { return where_.count(name) != 0; }

    torch::Tensor take(const std::string& name, const std::vector<int64_t>& shape, const torch::Device& device) {
        const auto it = where_.find(name);
        if (it == where_.end()) throw std::invalid_argument(files_.front()->path() + ": missing tensor '" + name + "'");
        const auto& info = it->second->tensors().at(name);
        if (info.shape != shape)
            throw std::invalid_argument(it->second->path() + ": tensor '" + name + "' has shape " + shapeText(info.shape) +
                                        ", the config says " + shapeText(shape));
        taken_.insert(name);
        return it->second->load(name).to(device, torch::kFloat32);
    }

    torch::Tensor takeIf(bool wanted, const std::string& name, const std::vector<int64_t>& shape, const torch::Device& device) {
        return wanted ? take(name, shape, device) : torch::Tensor();
    }

    // Every stored tensor must have been taken (rotary inv_freq buffers aside): an unknown one means the
    // file is not the architecture the config names.
    void refuseLeftovers() const {
        for (const auto& [name, file] : where_)
            if (!taken_.count(name) && !name.ends_with("rotary_emb.inv_freq"))
                throw std::invalid_argument(file->path() + ": unexpected tensor '" + name + "' for this config");
    }

private:
    std::vector<std::unique_ptr<SafetensorsFile>> files_;
    std::map<std::string, const SafetensorsFile*> where_;
    std::set<std::string> taken_;
};

LlamaLayerWeights loadLayer(TensorSource& source, const LlamaConfig& c, int i, const torch::Device& device) {
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
    TensorSource source(dir);
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
    source.refuseLeftovers();
    return LlamaModel(std::move(config), std::move(w));
}

}  // namespace rlhf::model
