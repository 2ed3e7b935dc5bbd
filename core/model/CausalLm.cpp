#include "model/CausalLm.h"

#include "model/CheckpointTokenizer.h"
#include "model/Gpt2Config.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaConfig.h"

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

torch::Tensor CausalLm::hidden(const torch::Tensor& ids) {
    if (mamba_) return mamba_->hidden(ids);
    if (llama_) return llama_->model().hidden(ids);
    return gpt_->hidden(ids);
}

int64_t CausalLm::hiddenSize() const {
    if (mamba_) return mamba_->config().hiddenSize;
    if (llama_) return llama_->config().hiddenSize;
    return gpt_->config().nEmbd;
}

int64_t CausalLm::vocabSize() const {
    if (mamba_) return mamba_->config().vocabSize;
    if (llama_) return llama_->config().vocabSize;
    return gpt_->config().vocabSize;
}

void CausalLm::save(const std::string& dir, const text::Tokenizer* tokenizer, const torch::Tensor& score, int scoredEndId) {
    if (mamba_ && score.defined())
        throw std::invalid_argument(dir + ": a Mamba has no sequence-classification layout in transformers to save a score head in");
    if (mamba_) saveMambaModel(dir, mamba_, tokenizer);
    else if (llama_) llama_->save(dir, tokenizer, score, scoredEndId);
    else saveCheckpoint(dir, gpt_, tokenizer, score, scoredEndId);
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

int CausalLm::classifierPadTokenId() const {
    if (mamba_) return -1;
    return llama_ ? llama_->config().padTokenId : gpt_->config().padTokenId;
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
        return withEos(dir, {CausalLm(loadMambaModel(dir, device)), std::move(tokenizer), {}});
    }
    if (isLlamaFamily(type)) {
        auto tokenizer = loadCheckpointTokenizer(dir, LlamaConfig::fromDirectory(dir).vocabSize);
        torch::Tensor score;
        auto module = loadLlamaModule(dir, device, &score);
        return withEos(dir, {CausalLm(std::move(module)), std::move(tokenizer), score});
    }
    auto loaded = loadCheckpoint(dir, device);
    return {CausalLm(loaded.model), std::move(loaded.tokenizer), loaded.score};
}

int eosTokenIdOf(const std::string& dir) {
    const std::string type = modelTypeOf(dir);
    const auto first = [](const std::vector<int>& ids) { return ids.empty() ? -1 : ids.front(); };
    if (isMamba(type)) return first(MambaConfig::fromDirectory(dir).eosTokenIds);
    if (isLlamaFamily(type)) return first(LlamaConfig::fromDirectory(dir).eosTokenIds);
    return Gpt2Config::fromFile(dir + "/config.json").eosTokenId;
}

LoadedCausalLm loadLanguageModel(const std::string& dir, const torch::Device& device) {
    auto loaded = loadCausalLm(dir, device);
    if (loaded.score.defined())
        throw std::invalid_argument(dir + ": a reward model (a score head in place of the language-model head); this stage fine-tunes a language model");
    return loaded;
}

}  // namespace rlhf::model
