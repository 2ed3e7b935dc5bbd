#include "model/Scoring.h"

#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::model {

torch::Tensor tokenLogprobs(Gpt2Model& model, const torch::Tensor& ids, const torch::Tensor& mask,
                            const torch::Tensor& responseMask, double temperature) {
    const int64_t B = ids.size(0), S = ids.size(1);
    // Position s predicts ids[:,s+1]. Every position gets a target (the last one a dummy 0) so the
    // hidden states need no copy; [B,S] -> [B,S-1].
    auto targets = torch::cat({ids.narrow(1, 1, S - 1), torch::zeros({B, 1}, ids.options())}, 1);  // [B,S]
    auto logp = model->targetLogProbs(ids, targets, mask, temperature);                             // [B,S]
    return logp.narrow(1, 0, S - 1) * responseMask.narrow(1, 1, S - 1).to(logp.dtype());
}

ResponseScore scoreResponse(Gpt2Model& model, const std::vector<int>& prompt, const std::vector<int>& response,
                            double temperature) {
    if (prompt.empty()) throw std::invalid_argument("scoring needs a non-empty prompt");
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<int64_t> all(prompt.begin(), prompt.end());
    all.insert(all.end(), response.begin(), response.end());
    const auto dev = model->wte->weight.device();
    auto ids = torch::tensor(all, torch::kLong).unsqueeze(0).to(dev);                       // [1,S]
    auto mask = torch::ones_like(ids);
    auto responseMask = torch::zeros_like(ids);
    responseMask.narrow(1, static_cast<int64_t>(prompt.size()), static_cast<int64_t>(response.size())).fill_(1);
    auto lp = tokenLogprobs(model, ids, mask, responseMask, temperature).to(torch::kCPU).to(torch::kFloat64);
    ResponseScore score;
    const auto* p = lp.data_ptr<double>();
    for (size_t i = 0; i < response.size(); ++i) {
        score.tokenLogprobs.push_back(p[prompt.size() - 1 + i]);
        score.sum += score.tokenLogprobs.back();
    }
    return score;
}

torch::Tensor sequenceScores(Gpt2Model& model, const torch::Tensor& score, const torch::Tensor& ids, const torch::Tensor& mask) {
    const auto hidden = model->hidden(ids, mask);                                          // [B,S,C]
    const int64_t S = ids.size(1);
    // Position of each row's last real token: the largest index whose mask is 1.
    const auto positions = torch::arange(S, torch::dtype(torch::kLong).device(ids.device())).unsqueeze(0);  // [1,S]
    const auto last = (positions * (mask.to(ids.device()) != 0).to(torch::kLong)).amax(1);                   // [B]
    return scoresAt(hidden, score, last);
}

torch::Tensor scoresAt(const torch::Tensor& hidden, const torch::Tensor& score, const torch::Tensor& last) {
    const auto at = last.to(hidden.device());
    const auto pooled = hidden.index({torch::arange(hidden.size(0), at.options()), at});  // [B,C]
    return torch::matmul(pooled.to(score.scalar_type()), score.t());                     // [B,L]
}

torch::Tensor lastNotPadding(const torch::Tensor& ids, const torch::Tensor& last, int padId) {
    const auto end = last.to(ids.device());
    if (padId < 0) return end;
    const auto positions = torch::arange(ids.size(1), end.options()).unsqueeze(0);          // [1,S]
    const auto kept = (ids != padId).logical_and(positions <= end.unsqueeze(1)).to(torch::kLong);  // [B,S]
    return (positions * kept).argmax(1);
}

int padIdOtherThan(int endId, const std::vector<int>& candidates) {
    for (int id : candidates)
        if (id >= 0 && id != endId) return id;
    return endId == 0 ? 1 : 0;
}

std::vector<double> rewardOf(Gpt2Model& model, const torch::Tensor& score, const std::vector<int>& prompt,
                             const std::vector<int>& response) {
    if (prompt.empty() && response.empty()) throw std::invalid_argument("a reward needs at least one token");
    if (!score.defined() || score.dim() != 2) throw std::invalid_argument("not a reward model: it has no score head");
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<int64_t> all(prompt.begin(), prompt.end());
    all.insert(all.end(), response.begin(), response.end());
    const auto dev = model->wte->weight.device();
    const auto ids = torch::tensor(all, torch::kLong).unsqueeze(0).to(dev);  // [1,S]
    const auto values = sequenceScores(model, score, ids, torch::ones_like(ids)).to(torch::kCPU, torch::kFloat64);
    return {values.data_ptr<double>(), values.data_ptr<double>() + values.numel()};
}

}  // namespace rlhf::model
