#include "train/AdamW.h"

#include <cmath>
#include <stdexcept>

#include <torch/torch.h>

namespace rlhf::train {

AdamW::AdamW(std::vector<torch::Tensor> parameters, AdamWOptions options)
    : params_(std::move(parameters)), options_(options) {
    for (const auto& p : params_) {
        expAvg_.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        expAvgSq_.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
}

void AdamW::zeroGrad() {
    for (auto& p : params_)
        if (p.grad().defined()) p.mutable_grad() = torch::Tensor();  // set_to_none
}

void AdamW::step(double lr) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> p, g, m, v;
    for (size_t i = 0; i < params_.size(); ++i) {
        if (!params_[i].grad().defined()) continue;
        p.push_back(params_[i]);
        g.push_back(params_[i].grad());
        m.push_back(expAvg_[i]);
        v.push_back(expAvgSq_[i]);
    }
    if (p.empty()) return;
    ++step_;
    const auto& o = options_;
    const double biasCorrection1 = 1.0 - std::pow(o.beta1, static_cast<double>(step_));
    const double biasCorrection2 = 1.0 - std::pow(o.beta2, static_cast<double>(step_));
    at::_foreach_mul_(p, 1.0 - lr * o.weightDecay);           // decoupled weight decay
    at::_foreach_mul_(m, o.beta1);
    at::_foreach_add_(m, g, 1.0 - o.beta1);                   // m = b1 m + (1-b1) g
    at::_foreach_mul_(v, o.beta2);
    at::_foreach_addcmul_(v, g, g, 1.0 - o.beta2);            // v = b2 v + (1-b2) g^2
    auto denom = at::_foreach_sqrt(v);
    at::_foreach_div_(denom, std::sqrt(biasCorrection2));
    at::_foreach_add_(denom, o.eps);                          // sqrt(v / bc2) + eps
    at::_foreach_addcdiv_(p, m, denom, -lr / biasCorrection1);  // p -= lr/bc1 * m / denom
}

std::map<std::string, torch::Tensor> AdamW::state() const {
    std::map<std::string, torch::Tensor> out;
    for (size_t i = 0; i < params_.size(); ++i) {
        out["adamw.exp_avg." + std::to_string(i)] = expAvg_[i].detach().to(torch::kCPU).clone();
        out["adamw.exp_avg_sq." + std::to_string(i)] = expAvgSq_[i].detach().to(torch::kCPU).clone();
    }
    out["adamw.step"] = torch::tensor({step_}, torch::kLong);
    return out;
}

void AdamW::loadState(const std::map<std::string, torch::Tensor>& state) {
    auto get = [&](const std::string& name, const torch::Tensor& like) {
        auto it = state.find(name);
        if (it == state.end()) throw std::invalid_argument("optimizer state lacks " + name);
        if (it->second.sizes() != like.sizes()) throw std::invalid_argument("optimizer state " + name + " has the wrong shape");
        return it->second.to(like.options());
    };
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < params_.size(); ++i) {
        expAvg_[i].copy_(get("adamw.exp_avg." + std::to_string(i), expAvg_[i]));
        expAvgSq_[i].copy_(get("adamw.exp_avg_sq." + std::to_string(i), expAvgSq_[i]));
    }
    auto it = state.find("adamw.step");
    if (it == state.end()) throw std::invalid_argument("optimizer state lacks adamw.step");
    step_ = it->second.item<int64_t>();
}

}  // namespace rlhf::train
