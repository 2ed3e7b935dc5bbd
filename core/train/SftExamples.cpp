#include "train/SftExamples.h"

#include <torch/torch.h>

namespace rlhf::train {

SftExamples makeSftExamples(const std::vector<data::Demonstration>& demonstrations, const text::Tokenizer& tokenizer,
                            const ResponseEncoding& encoding, int64_t maxLength) {
    SftExamples out;
    for (const auto& d : demonstrations) {
        bool truncated = false;
        auto row = makeResponseRow(encoding.prompt(tokenizer, d.prompt), encoding.response(tokenizer, d.response), encoding.endId,
                                   maxLength, truncated);
        out.truncated += truncated;
        if (!row) ++out.skipped;
        else out.rows.push_back(std::move(*row));
    }
    return out;
}

torch::Tensor sftLossSum(model::CausalLm& model, const torch::Tensor& input, const torch::Tensor& target) {
    return -targetedSums(model.targetLogProbs(input, target.clamp_min(0)), target).sum();
}

}  // namespace rlhf::train
