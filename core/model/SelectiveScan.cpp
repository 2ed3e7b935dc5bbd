#include "model/SelectiveScan.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <vector>

namespace rlhf::model {

namespace {

constexpr int64_t kLanesPerBlock = 512;

// For each batch row b and lane j (of L = I·N), in time order (or reversed):
//   forward:  carry = a_t carry + x_t;  out_t = carry               (carry starts at initial)
//   reverse:  out_t = x_t + carry;      carry = a_t out_t            (carry starts at 0; ends as ∂L/∂s_(−1))
// a, x, out [B,T,L]; carry [B,L] in and out.
void sweepCpu(const torch::Tensor& a, const torch::Tensor& x, torch::Tensor& out, torch::Tensor& carry, bool reverse) {
    const int64_t B = a.size(0), T = a.size(1), L = a.size(2) * a.size(3);
    const int64_t blocks = (L + kLanesPerBlock - 1) / kLanesPerBlock;
    const float* pa = a.data_ptr<float>();
    const float* px = x.data_ptr<float>();
    float* po = out.data_ptr<float>();
    float* pc = carry.data_ptr<float>();
    at::parallel_for(0, B * blocks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t k = begin; k < end; ++k) {
            const int64_t b = k / blocks, j0 = (k % blocks) * kLanesPerBlock, n = std::min(L, j0 + kLanesPerBlock) - j0;
            float* c = pc + b * L + j0;
            for (int64_t step = 0; step < T; ++step) {
                const int64_t t = reverse ? T - 1 - step : step;
                const int64_t row = (b * T + t) * L + j0;
                const float *at = pa + row, *xt = px + row;
                float* ot = po + row;
                if (reverse) {
                    for (int64_t j = 0; j < n; ++j) {
                        ot[j] = xt[j] + c[j];
                        c[j] = at[j] * ot[j];
                    }
                } else {
                    for (int64_t j = 0; j < n; ++j) ot[j] = c[j] = at[j] * c[j] + xt[j];
                }
            }
        }
    });
}

// The same sweep as whole-tensor operations in ⌈log2 T⌉ rounds (Hillis–Steele), for devices where a loop
// over positions would launch kernels T at a time. After the round of offset d, position t holds the
// recurrence over positions t−2d+1..t: its decay product P_t and its sum S_t (S_t = x_t + a'_t S_(t−1) …
// within the window). Forward uses decays a_t; reverse runs on the reversed positions with decays a_(t+1)
// (the carry into g_t comes from g_(t+1)), and its carry out is a_0 ⊙ g_0.
void sweepTensors(const torch::Tensor& a, const torch::Tensor& x, torch::Tensor& out, torch::Tensor& carry, bool reverse) {
    const int64_t T = a.size(1);
    if (T == 1) {  // a decode step: one position, three kernels
        const auto a0 = a.select(1, 0), x0 = x.select(1, 0);
        out.select(1, 0).copy_(reverse ? x0 + carry : a0 * carry + x0);
        carry = reverse ? a0 * out.select(1, 0) : out.select(1, 0).clone();
        return;
    }
    // The working copies (flip copies already): the peak is about four [B,T,I,N] tensors beside `out`.
    torch::Tensor decay = reverse ? torch::cat({a.narrow(1, 1, T - 1), torch::ones_like(a.narrow(1, 0, 1))}, 1).flip(1) : a.clone();
    torch::Tensor sum = reverse ? x.flip(1) : x.clone();
    for (int64_t d = 1; d < T; d *= 2) {
        const auto later = sum.narrow(1, d, T - d) + decay.narrow(1, d, T - d) * sum.narrow(1, 0, T - d);  // before either is written
        decay.narrow(1, d, T - d).mul_(decay.narrow(1, 0, T - d).clone());
        sum.narrow(1, d, T - d).copy_(later);
    }
    // The carry that entered before position 0 reaches position t through the decays of 0..t.
    sum.addcmul_(decay, carry.unsqueeze(1));
    out.copy_(reverse ? sum.flip(1) : sum);
    carry = reverse ? a.select(1, 0) * out.select(1, 0) : out.select(1, T - 1).clone();
}

// Returns the outputs [B,T,I,N]; `carry` [B,I,N] goes in as the start and comes out as the end.
torch::Tensor sweep(const torch::Tensor& a, const torch::Tensor& x, torch::Tensor& carry, bool reverse, bool byTensorOps) {
    auto out = torch::empty(a.sizes(), a.options());  // contiguous, whatever a's strides
    carry = carry.contiguous().clone();
    if (a.is_cpu() && !byTensorOps) sweepCpu(a.contiguous(), x.contiguous(), out, carry, reverse);
    else sweepTensors(a, x, out, carry, reverse);
    return out;
}

class SelectiveScanFunction : public torch::autograd::Function<SelectiveScanFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& decay, const torch::Tensor& input,
                                 const torch::Tensor& initial, bool byTensorOps) {
        ctx->saved_data["tensor_ops"] = byTensorOps;
        torch::Tensor carry = initial;
        auto states = sweep(decay, input, carry, false, byTensorOps);
        ctx->save_for_backward({decay, states, initial});
        return states;
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::tensor_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto& decay = saved[0];
        const auto& states = saved[1];
        const auto& initial = saved[2];
        const int64_t T = decay.size(1);
        // The reverse sweep: g_t = ∂L/∂s_t + carry, carry = a_t g_t (what s_(t−1) passes on), ending as ∂L/∂s_(−1).
        torch::Tensor carry = torch::zeros_like(initial);
        const auto g = sweep(decay, grads[0].to(torch::kFloat32), carry, true, ctx->saved_data["tensor_ops"].toBool());
        const auto previous = torch::cat({initial.unsqueeze(1), states.narrow(1, 0, T - 1)}, 1);  // s_(t−1)
        return {g * previous, g, carry, torch::Tensor()};
    }
};

}  // namespace

torch::Tensor selectiveScanStates(const torch::Tensor& decay, const torch::Tensor& input, const torch::Tensor& initial,
                                  bool byTensorOps) {
    TORCH_CHECK(decay.scalar_type() == torch::kFloat32 && input.scalar_type() == torch::kFloat32 &&
                    initial.scalar_type() == torch::kFloat32,
                "selectiveScanStates: float32 tensors expected");
    TORCH_CHECK(decay.dim() == 4 && decay.sizes() == input.sizes() && initial.dim() == 3 && initial.size(0) == decay.size(0) &&
                    initial.size(1) == decay.size(2) && initial.size(2) == decay.size(3),
                "selectiveScanStates: decay and input [B,T,I,N], initial [B,I,N] expected");
    return SelectiveScanFunction::apply(decay, input, initial, byTensorOps);
}

}  // namespace rlhf::model
