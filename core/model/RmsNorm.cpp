#include "model/RmsNorm.h"

#include <torch/torch.h>

namespace rlhf::model {

RmsNormImpl::RmsNormImpl(int64_t size, double eps) : weight(register_parameter("weight", torch::ones({size}))), eps_(eps) {}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
    const auto x32 = x.to(torch::kFloat32);
    return weight * (x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + eps_));
}

}  // namespace rlhf::model
