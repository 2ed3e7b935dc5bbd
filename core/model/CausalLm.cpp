#include "model/CausalLm.h"

#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/MambaCheckpoint.h"

namespace rlhf::model {

torch::Tensor CausalLm::targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature) {
    return mamba_ ? mamba_->targetLogProbs(ids, targets, temperature) : gpt_->targetLogProbs(ids, targets, {}, temperature);
}

void CausalLm::save(const std::string& dir, const text::ByteLevelBpe* tokenizer) {
    if (mamba_) saveMambaModel(dir, mamba_, tokenizer);
    else saveCheckpoint(dir, gpt_, tokenizer);
}

int CausalLm::eosTokenId() const {
    if (!mamba_) return gpt_->config().eosTokenId;
    const auto& ids = mamba_->config().eosTokenIds;
    return ids.empty() ? -1 : ids.front();
}

int64_t CausalLm::context() const { return mamba_ ? int64_t(1) << 20 : gpt_->config().nPositions; }

LoadedCausalLm loadCausalLm(const std::string& dir, const torch::Device& device) {
    const std::string type = modelTypeOf(dir);
    if (isMamba(type)) return {CausalLm(loadMambaModel(dir, device)), text::ByteLevelBpe::fromDirectory(dir)};
    if (isLlamaFamily(type))
        throw std::invalid_argument(dir + ": a " + type + " model: training takes GPT-2 and Mamba models (not yet the Llama family)");
    auto loaded = loadCheckpoint(dir, device);
    return {CausalLm(loaded.model), std::move(loaded.tokenizer)};
}

}  // namespace rlhf::model
