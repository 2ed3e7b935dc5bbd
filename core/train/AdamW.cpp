#include "train/AdamW.h"
#include "util/EngineSwitches.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include <torch/torch.h>
#include <torch/version.h>

namespace rlhf::train {

namespace {

// ATen's fused AdamW kernel (CUDA, LibTorch 2.1+): one pass reading p, g, m, v and writing p, m, v,
// against ~22 passes of the foreach formulation below. RLHF_NO_FUSED_ADAMW=1 keeps the foreach one.
bool useFusedKernel(const AdamWOptions& options, const std::vector<torch::Tensor>& params) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    static const bool disabled = switchedOff(EngineSwitch::FusedAdamW);
    return options.fusedOnCuda && !disabled && !params.empty() && params.front().is_cuda();
#else
    (void)options, (void)params;
    return false;
#endif
}

}  // namespace

AdamW::AdamW(std::vector<torch::Tensor> parameters, AdamWOptions options)
    : params_(std::move(parameters)), options_(options) {
    for (const auto& p : params_) {
        expAvg_.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        expAvgSq_.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
}

void setGradsToNone(const std::vector<torch::Tensor>& parameters) {
    for (auto p : parameters)  // a handle: mutable_grad() reaches the shared tensor's grad
        if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
}

void AdamW::zeroGrad() { setGradsToNone(params_); }

void AdamW::step(double lr, const torch::Tensor& gradDivisor) {
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
    if (useFusedKernel(o, p)) {
        fusedStep(p, g, m, v, lr, gradDivisor);
        return;
    }
    // Reading the divisor costs nothing on the CPU; on CUDA this path is the fallback without the fused kernel.
    if (gradDivisor.defined()) {
        const double divisor = gradDivisor.item<double>();
        if (divisor != 1.0) at::_foreach_div_(g, divisor);
    }
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

void AdamW::fusedStep(const std::vector<torch::Tensor>& p, const std::vector<torch::Tensor>& g,
                      const std::vector<torch::Tensor>& m, const std::vector<torch::Tensor>& v, double lr,
                      const torch::Tensor& gradDivisor) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    // The kernel reads the step (for the bias corrections) from a float tensor per parameter on the device;
    // all share one, written here without a synchronisation.
    if (!stepOnDevice_.defined()) stepOnDevice_ = torch::zeros({}, p.front().options().dtype(torch::kFloat32));
    stepOnDevice_.fill_(static_cast<double>(step_));
    const std::vector<torch::Tensor> steps(p.size(), stepOnDevice_);
    const auto& o = options_;
    // grad_scale: the kernel divides each gradient by it (and stores the quotient back) before the update.
    const c10::optional<torch::Tensor> divisor =
        gradDivisor.defined() ? c10::optional<torch::Tensor>(gradDivisor.to(torch::kFloat32)) : c10::nullopt;
    at::_fused_adamw_(p, g, m, v, at::TensorList(), steps, lr, o.beta1, o.beta2, o.weightDecay, o.eps, /*amsgrad=*/false,
                      /*maximize=*/false, divisor);
#else
    (void)p, (void)g, (void)m, (void)v, (void)lr, (void)gradDivisor;
#endif
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
