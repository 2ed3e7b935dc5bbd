#include "model/StaticDecodeInputs.h"

#include <stdexcept>
#include <string>

#include <torch/torch.h>

namespace rlhf::model {

StaticDecodeInputs::StaticDecodeInputs(int64_t batch, int64_t capacity, const torch::Device& device)
    : capacity_(capacity) {
    const auto options = torch::TensorOptions().device(device);
    tokens = torch::zeros({batch, 1}, options.dtype(torch::kLong));
    positions = torch::zeros({batch, 1}, options.dtype(torch::kLong));
    writeIndex = torch::zeros({1}, options.dtype(torch::kLong));
    bias = torch::zeros({batch, 1, 1, capacity}, options.dtype(torch::kFloat));
}

void StaticDecodeInputs::reset(int64_t length, const std::vector<int64_t>& firstReal) {
    const auto B = tokens.size(0);
    if (static_cast<int64_t>(firstReal.size()) != B)
        throw std::invalid_argument("decode inputs for " + std::to_string(B) + " rows got " +
                                    std::to_string(firstReal.size()) + " prompt offsets");
    if (length >= capacity_) throw std::invalid_argument("KV cache capacity exceeded");
    // Built on the host, then copied into the existing tensors.
    auto hostPositions = torch::empty({B, 1}, torch::kLong);
    auto hostBias = torch::full({B, 1, 1, capacity_}, -1e9f, torch::kFloat);
    for (int64_t b = 0; b < B; ++b) {
        const int64_t first = firstReal[static_cast<size_t>(b)];
        if (first < 0 || first > length) throw std::invalid_argument("a prompt offset lies outside the cache");
        hostPositions[b][0] = length - first;
        hostBias[b].narrow(2, first, length + 1 - first).fill_(0);  // its real keys and the one written next
    }
    positions.copy_(hostPositions);
    bias.copy_(hostBias);
    writeIndex.fill_(length);
}

void StaticDecodeInputs::advance() {
    positions.add_(1);
    writeIndex.add_(1).clamp_max_(capacity_ - 1);
    bias.index_fill_(3, writeIndex, 0.0);
}

}  // namespace rlhf::model
