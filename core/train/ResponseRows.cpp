#include "train/ResponseRows.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <torch/torch.h>

#include "model/MemoryEstimate.h"

namespace rlhf::train {

std::optional<ResponseRow> makeResponseRow(std::vector<int> prompt, const std::vector<int>& response, int eos,
                                           int64_t maxLength, bool& truncated) {
    ResponseRow row;
    row.ids = std::move(prompt);
    if (row.ids.empty()) row.ids.push_back(eos);
    row.promptLength = static_cast<int64_t>(row.ids.size());
    row.ids.insert(row.ids.end(), response.begin(), response.end());
    row.ids.push_back(eos);
    const auto limit = static_cast<size_t>(maxLength) + 1;
    truncated = row.ids.size() > limit;
    if (truncated) row.ids.resize(limit);
    if (row.promptLength >= static_cast<int64_t>(row.ids.size())) return std::nullopt;
    return row;
}

int64_t responseRowLength(int64_t configured, std::optional<int64_t> contextLimit) {
    if (!contextLimit) return configured > 0 ? configured : model::kMambaEstimateContext;
    const int64_t context = *contextLimit;
    if (configured > context)
        throw std::invalid_argument("max_length " + std::to_string(configured) + " exceeds the model's context of " +
                                    std::to_string(context));
    return configured > 0 ? configured : context;
}

PaddedRows padRows(const std::vector<std::vector<int>>& rows, int padId) {
    size_t longest = 0;
    for (const auto& ids : rows) longest = std::max(longest, ids.size());
    const auto B = static_cast<int64_t>(rows.size());
    PaddedRows out{torch::full({B, static_cast<int64_t>(longest)}, padId, torch::kLong), torch::empty({B}, torch::kLong)};
    for (int64_t b = 0; b < B; ++b) {
        const auto& ids = rows[static_cast<size_t>(b)];
        std::copy(ids.begin(), ids.end(), out.ids[b].data_ptr<int64_t>());
        out.last[b] = static_cast<int64_t>(ids.size()) - 1;
    }
    return out;
}

ResponseBatch makeResponseBatch(const std::vector<ResponseRow>& rows, const std::vector<size_t>& pick, int padId) {
    size_t longest = 0;
    for (size_t i : pick) longest = std::max(longest, rows.at(i).ids.size());
    const auto B = static_cast<int64_t>(pick.size()), T = static_cast<int64_t>(longest) - 1;
    ResponseBatch batch;
    batch.input = torch::full({B, T}, padId, torch::kLong);
    batch.target = torch::full({B, T}, -1, torch::kLong);
    auto* input = batch.input.data_ptr<int64_t>();
    auto* target = batch.target.data_ptr<int64_t>();
    for (int64_t b = 0; b < B; ++b) {
        const ResponseRow& row = rows[pick[static_cast<size_t>(b)]];
        const auto length = static_cast<int64_t>(row.ids.size());
        for (int64_t t = 0; t + 1 < length; ++t) {
            input[b * T + t] = row.ids[static_cast<size_t>(t)];
            if (t + 1 >= row.promptLength) {
                target[b * T + t] = row.ids[static_cast<size_t>(t + 1)];
                ++batch.lossTokens;
            }
        }
    }
    batch.positions = B * T;
    return batch;
}

torch::Tensor targetedSums(const torch::Tensor& logProbs, const torch::Tensor& target) {
    return (logProbs * target.ge(0).to(logProbs.scalar_type())).sum(1);
}

torch::Tensor responseLogProbSums(model::CausalLm& model, const torch::Tensor& input, const torch::Tensor& target) {
    return targetedSums(model.targetLogProbs(input, target.clamp_min(0)), target);  // log-probs [B,T] float32
}

}  // namespace rlhf::train
