#include "model/SequenceLogProbs.h"

#include <torch/torch.h>

namespace rlhf::model {

std::vector<double> sequenceLogProbs(const std::function<torch::Tensor(const torch::Tensor& ids)>& logitsOf,
                                     const std::vector<int>& ids, const torch::Device& device) {
    if (ids.size() < 2) return {};
    torch::NoGradGuard noGrad;
    const auto input = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong).to(device).unsqueeze(0);
    const int64_t n = input.size(1);
    const auto logProbs = torch::log_softmax(logitsOf(input)[0].narrow(0, 0, n - 1).to(torch::kFloat32), -1);  // [n-1,V]
    const auto picked = logProbs.gather(1, input[0].narrow(0, 1, n - 1).unsqueeze(1)).squeeze(1);              // [n-1]
    const auto cpu = picked.to(torch::kCPU, torch::kFloat64).contiguous();
    return std::vector<double>(cpu.data_ptr<double>(), cpu.data_ptr<double>() + cpu.numel());
}

}  // namespace rlhf::model
