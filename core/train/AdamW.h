#pragma once
// AdamW (decoupled weight decay, Loshchilov & Hutter) over all parameters at once with ATen's
// multi-tensor `_foreach_` kernels (on CPU the same arithmetic in place without temporaries), or on CUDA
// with LibTorch 2.1+ ATen's fused AdamW kernel: one pass over the parameters and their state.
// Its state round-trips through named tensors, so a run resumes bit-for-bit.

#include <map>
#include <string>
#include <vector>

#include <torch/types.h>

namespace rlhf::train {

struct AdamWOptions {
    double lr = 3e-4;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.01;
    bool fusedOnCuda = true;  // ATen's fused kernel where it exists (RLHF_NO_FUSED_ADAMW=1 overrides)
};

// Drops every parameter's gradient (set_to_none), so the next backward writes fresh ones.
void setGradsToNone(const std::vector<torch::Tensor>& parameters);

class AdamW {
public:
    AdamW(std::vector<torch::Tensor> parameters, AdamWOptions options);

    void zeroGrad();
    // One update with learning rate `lr` (schedules set it per step); parameters without grad are skipped.
    // With `gradDivisor` (a float32 scalar on the parameters' device, e.g. clipDivisor), the gradients are
    // divided by it first, in place; the fused CUDA kernel does so itself, without a synchronisation.
    void step(double lr, const torch::Tensor& gradDivisor = {});
    int64_t stepCount() const { return step_; }

    // "adamw.exp_avg.N", "adamw.exp_avg_sq.N", "adamw.step" (CPU copies).
    std::map<std::string, torch::Tensor> state() const;
    // Throws std::invalid_argument when a tensor is missing or has the wrong shape.
    void loadState(const std::map<std::string, torch::Tensor>& state);

private:
    void fusedStep(const std::vector<torch::Tensor>& p, const std::vector<torch::Tensor>& g,
                   const std::vector<torch::Tensor>& m, const std::vector<torch::Tensor>& v, double lr,
                   const torch::Tensor& gradDivisor);

    std::vector<torch::Tensor> params_;
    std::vector<torch::Tensor> expAvg_, expAvgSq_;
    AdamWOptions options_;
    int64_t step_ = 0;
    torch::Tensor stepOnDevice_;  // float32 scalar on the parameters' GPU, for the fused kernel
};

}  // namespace rlhf::train
