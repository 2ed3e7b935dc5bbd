#include "train/RewardScorer.h"

#include <stdexcept>

#include <torch/torch.h>

#include "model/Scoring.h"
#include "train/ResponseRows.h"

namespace rlhf::train {

RewardScorer::RewardScorer(const std::string& dir, const torch::Device& device) {
    auto loaded = model::loadCausalLm(dir, device);
    if (!loaded.score.defined())
        throw std::invalid_argument(dir + ": not a reward model (its weights have no score.weight; train one with rlhf train rm, "
                                          "or save a *ForSequenceClassification)");
    model_ = std::make_unique<model::CausalLm>(std::move(loaded.model));
    model_->module().eval();
    tokenizer_ = std::make_unique<text::Tokenizer>(std::move(*loaded.tokenizer));
    score_ = loaded.score.to(torch::kFloat32);
    encoding_ = responseEncodingFor(dir, *tokenizer_, model_->eosTokenId());
    context_ = model_->contextLimit();
}

std::vector<double> RewardScorer::values(const std::string& prompt, const std::string& response) {
    std::vector<int> ids = encoding_.scored(*tokenizer_, prompt, response);
    if (context_ && static_cast<int64_t>(ids.size()) > *context_) ids.erase(ids.begin(), ids.end() - *context_);
    torch::NoGradGuard noGrad;
    const auto one = padRows({ids}, encoding_.endId);  // a batch of one row, as RewardRun scores its rows
    const auto at = model::lastNotPadding(one.ids, one.last, model_->classifierPadTokenId());
    const auto row = model::scoresAt(model_->hidden(one.ids.to(score_.device())), score_, at).to(torch::kCPU, torch::kFloat64).contiguous();
    return {row.data_ptr<double>(), row.data_ptr<double>() + row.numel()};
}

}  // namespace rlhf::train
