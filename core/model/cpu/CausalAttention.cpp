#include "model/cpu/CausalAttention.h"

#include <stdexcept>
#include <vector>

#include <torch/torch.h>

#include "model/cpu/AttentionKernels.h"
#include "model/cpu/KernelRows.h"

namespace rlhf::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Rows of head (b, h) of a [B,H,T,D] tensor whose last dimension is contiguous.
cpu::HeadRows headRows(const torch::Tensor& t, int64_t b, int64_t h) {
    return {t.data_ptr<float>() + b * t.stride(0) + h * t.stride(1), t.stride(2)};
}

// Saved for the gradient: q, k, v and the probabilities [B,H,T,T] (zero above the diagonal).
class FusedCausalAttention : public torch::autograd::Function<FusedCausalAttention> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& q, const torch::Tensor& k,
                                 const torch::Tensor& v, double scale) {
        const int64_t B = q.size(0), H = q.size(1), T = q.size(2), D = q.size(3);
        auto out = torch::empty({B, T, H, D}, q.options());   // [B,T,H,D]: heads side by side per position
        auto probs = torch::empty({B, H, T, T}, q.options());
        float* y = out.data_ptr<float>();
        float* p = probs.data_ptr<float>();
        at::parallel_for(0, B * H, 1, [&](int64_t begin, int64_t end) {
            std::vector<float> scratch(static_cast<size_t>(D * T));
            for (int64_t bh = begin; bh < end; ++bh) {
                const int64_t b = bh / H, h = bh % H;
                cpu::causalAttentionForward(headRows(q, b, h), headRows(k, b, h), headRows(v, b, h), T, D,
                                            static_cast<float>(scale), p + bh * T * T, y + (b * T * H + h) * D, H * D,
                                            scratch.data());
            }
        });
        ctx->save_for_backward({q, k, v, probs});
        ctx->saved_data["scale"] = scale;
        return out.permute({0, 2, 1, 3});  // [B,H,T,D]
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &q = saved[0], &k = saved[1], &v = saved[2], &probs = saved[3];
        auto dy = gradOutputs[0].to(torch::kFloat32);
        if (dy.stride(3) != 1) dy = dy.contiguous();
        const int64_t B = q.size(0), H = q.size(1), T = q.size(2), D = q.size(3);
        const float scale = static_cast<float>(ctx->saved_data["scale"].toDouble());
        auto dq = torch::empty({B, H, T, D}, q.options()), dk = torch::empty_like(dq), dv = torch::empty_like(dq);
        const float* p = probs.data_ptr<float>();
        at::parallel_for(0, B * H, 1, [&](int64_t begin, int64_t end) {
            std::vector<float> scratch(static_cast<size_t>(D * T + 4 * T));
            for (int64_t bh = begin; bh < end; ++bh) {
                const int64_t b = bh / H, h = bh % H, offset = bh * T * D;
                cpu::causalAttentionBackward(headRows(q, b, h), headRows(k, b, h), headRows(v, b, h), headRows(dy, b, h),
                                             p + bh * T * T, T, D, scale, dq.data_ptr<float>() + offset,
                                             dk.data_ptr<float>() + offset, dv.data_ptr<float>() + offset, scratch.data());
            }
        });
        return {dq, dk, dv, torch::Tensor()};
    }
};

bool headLayout(const torch::Tensor& t, const torch::Tensor& like) {
    return t.device().is_cpu() && t.scalar_type() == torch::kFloat32 && t.dim() == 4 && t.sizes() == like.sizes() &&
           t.stride(3) == 1;
}

}  // namespace

bool fusedCausalAttentionAvailable(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v) {
    return !cpu::attentionKernelsSwitchedOff() && headLayout(q, q) && headLayout(k, q) && headLayout(v, q) && q.numel() > 0;
}

torch::Tensor causalAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale) {
    if (!fusedCausalAttentionAvailable(q, k, v))
        throw std::invalid_argument("causalAttention needs float32 CPU q, k, v [B,H,T,D] of one shape");
    return FusedCausalAttention::apply(q, k, v, scale);
}

}  // namespace rlhf::model
