#include "train/SftExamples.h"

#include <algorithm>

#include <torch/torch.h>

namespace rlhf::train {

SftExamples makeSftExamples(const std::vector<data::Demonstration>& demonstrations, const text::ByteLevelBpe& tokenizer,
                            int eos, int64_t maxLength) {
    SftExamples out;
    const auto limit = static_cast<size_t>(maxLength) + 1;
    for (const auto& d : demonstrations) {
        SftExample row;
        row.ids = tokenizer.encode(d.prompt);
        if (row.ids.empty()) row.ids.push_back(eos);
        row.promptLength = static_cast<int64_t>(row.ids.size());
        const auto response = tokenizer.encode(d.response);
        row.ids.insert(row.ids.end(), response.begin(), response.end());
        row.ids.push_back(eos);
        if (row.ids.size() > limit) {
            row.ids.resize(limit);
            ++out.truncated;
        }
        if (row.promptLength >= static_cast<int64_t>(row.ids.size())) {
            ++out.skipped;
            continue;
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

SftBatch makeSftBatch(const std::vector<SftExample>& rows, const std::vector<size_t>& pick, int padId) {
    size_t longest = 0;
    for (size_t i : pick) longest = std::max(longest, rows.at(i).ids.size());
    const auto B = static_cast<int64_t>(pick.size()), T = static_cast<int64_t>(longest) - 1;
    SftBatch batch;
    batch.input = torch::full({B, T}, padId, torch::kLong);
    batch.target = torch::full({B, T}, -1, torch::kLong);
    auto* input = batch.input.data_ptr<int64_t>();
    auto* target = batch.target.data_ptr<int64_t>();
    for (int64_t b = 0; b < B; ++b) {
        const SftExample& row = rows[pick[static_cast<size_t>(b)]];
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

torch::Tensor sftLossSum(model::Gpt2Model& model, const torch::Tensor& input, const torch::Tensor& target) {
    const auto learned = target.ge(0);                                       // [B,T]
    const auto logProbs = model->targetLogProbs(input, target.clamp_min(0));  // [B,T] float32
    return -(logProbs * learned.to(logProbs.scalar_type())).sum();
}

}  // namespace rlhf::train
