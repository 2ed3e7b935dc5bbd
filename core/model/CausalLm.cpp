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

std::optional<int64_t> CausalLm::contextLimit() const {
    if (mamba_) return std::nullopt;
    return gpt_->config().nPositions;
}

LoadedCausalLm loadCausalLm(const std::string& dir, const torch::Device& device) {
    const std::string type = modelTypeOf(dir);
    if (isMamba(type)) {
        LoadedCausalLm loaded{CausalLm(loadMambaModel(dir, device)), loadMambaTokenizer(dir)};
        if (loaded.model.eosTokenId() < 0)
            throw std::invalid_argument(dir + ": no eos_token_id in config.json or generation_config.json (training needs one to end responses)");
        return loaded;
    }
    if (isLlamaFamily(type))
        throw std::invalid_argument(dir + ": a " + type + " model: training takes GPT-2 and Mamba models (not yet the Llama family)");
    auto loaded = loadCheckpoint(dir, device);
    return {CausalLm(loaded.model), std::move(loaded.tokenizer)};
}

}  // namespace rlhf::model
