#include "model/CausalLm.h"

#include "model/CheckpointTokenizer.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/MambaCheckpoint.h"

namespace rlhf::model {

torch::nn::Module& CausalLm::module() {
    if (mamba_) return *mamba_;
    if (llama_) return *llama_;
    return *gpt_;
}

torch::Tensor CausalLm::targetLogProbs(const torch::Tensor& ids, const torch::Tensor& targets, double temperature) {
    if (mamba_) return mamba_->targetLogProbs(ids, targets, temperature);
    if (llama_) return llama_->targetLogProbs(ids, targets, temperature);
    return gpt_->targetLogProbs(ids, targets, {}, temperature);
}

void CausalLm::save(const std::string& dir, const text::ByteLevelBpe* tokenizer) {
    if (mamba_) saveMambaModel(dir, mamba_, tokenizer);
    else if (llama_) llama_->save(dir, tokenizer);
    else saveCheckpoint(dir, gpt_, tokenizer);
}

std::string CausalLm::architecture() const {
    if (mamba_) return "mamba";
    if (llama_) return llama_->config().modelType;
    return "gpt2";
}

int CausalLm::eosTokenId() const {
    if (gpt_) return gpt_->config().eosTokenId;
    const auto& ids = mamba_ ? mamba_->config().eosTokenIds : llama_->config().eosTokenIds;
    return ids.empty() ? -1 : ids.front();
}

std::optional<int64_t> CausalLm::contextLimit() const {
    if (mamba_) return std::nullopt;
    if (llama_) return llama_->config().maxPositions;
    return gpt_->config().nPositions;
}

namespace {

LoadedCausalLm withEos(const std::string& dir, LoadedCausalLm loaded) {
    if (loaded.model.eosTokenId() < 0)
        throw std::invalid_argument(dir + ": no eos_token_id in config.json or generation_config.json (training needs one to end responses)");
    return loaded;
}

}  // namespace

LoadedCausalLm loadCausalLm(const std::string& dir, const torch::Device& device) {
    const std::string type = modelTypeOf(dir);
    // The tokenizer first: its errors come before the weights load.
    if (isMamba(type)) {
        auto tokenizer = loadMambaTokenizer(dir);
        return withEos(dir, {CausalLm(loadMambaModel(dir, device)), std::move(tokenizer)});
    }
    if (isLlamaFamily(type)) {
        auto tokenizer = loadCheckpointTokenizer(dir, LlamaConfig::fromDirectory(dir).vocabSize);
        return withEos(dir, {CausalLm(loadLlamaModule(dir, device)), std::move(tokenizer)});
    }
    auto loaded = loadCheckpoint(dir, device);
    return {CausalLm(loaded.model), std::move(loaded.tokenizer)};
}

}  // namespace rlhf::model
