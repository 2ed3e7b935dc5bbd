#pragma once
// Root-mean-square layer norm (Zhang & Sennrich 2019) as transformers' MambaRMSNorm / LlamaRMSNorm compute
// it: weight · x / sqrt(mean(x²) + eps), the mean square in float32 whatever x's type. One parameter,
// `weight` [C], initialised to ones.

#include <torch/nn.h>

namespace rlhf::model {

class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t size, double eps);
    torch::Tensor forward(const torch::Tensor& x);  // [..., C] -> [..., C] float32

    torch::Tensor weight;

private:
    double eps_;
};
TORCH_MODULE(RmsNorm);

}  // namespace rlhf::model
