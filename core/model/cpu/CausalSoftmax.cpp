#include "model/cpu/CausalSoftmax.h"

#include <limits>
#include <stdexcept>

#include <torch/torch.h>

#include "model/cpu/KernelRows.h"
#include "model/cpu/LogitKernels.h"

namespace rlhf::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Keys visible to row r of a [rows, S] view of [..., T, S] scores.
int64_t visibleKeys(int64_t row, int64_t T, int64_t S, int64_t past) { return std::min(S, past + row % T + 1); }

// y = causal softmax(scale * x); saved for the gradient: y.
class FusedCausalSoftmax : public torch::autograd::Function<FusedCausalSoftmax> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& scores, double scale, int64_t past) {
        const int64_t T = scores.size(-2), S = scores.size(-1), rows = scores.numel() / std::max<int64_t>(1, S);
        auto out = torch::empty_like(scores);
        const float s = static_cast<float>(scale);
        cpu::withRowType(scores, [&](auto type) {
            using E = decltype(type);
            const E* x = scores.data_ptr<E>();
            E* y = out.data_ptr<E>();
            at::parallel_for(0, rows, cpu::grainRows(S), [&](int64_t begin, int64_t end) {
                for (int64_t r = begin; r < end; ++r)
                    cpu::rowSoftmax(cpu::kernelRows(x + r * S), visibleKeys(r, T, S, past), S, s, cpu::kernelRows(y + r * S));
            });
        });
        ctx->save_for_backward({out});
        ctx->saved_data["scale"] = scale;
        ctx->saved_data["past"] = past;
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto y = ctx->get_saved_variables()[0];
        const auto dy = gradOutputs[0].to(y.scalar_type()).contiguous();
        const float s = static_cast<float>(ctx->saved_data["scale"].toDouble());
        const int64_t past = ctx->saved_data["past"].toInt();
        const int64_t T = y.size(-2), S = y.size(-1), rows = y.numel() / std::max<int64_t>(1, S);
        auto dx = torch::empty_like(y);
        cpu::withRowType(y, [&](auto type) {
            using E = decltype(type);
            const E* yp = y.data_ptr<E>();
            const E* dyp = dy.data_ptr<E>();
            E* dxp = dx.data_ptr<E>();
            at::parallel_for(0, rows, cpu::grainRows(S), [&](int64_t begin, int64_t end) {
                for (int64_t r = begin; r < end; ++r)
                    cpu::rowSoftmaxBackward(cpu::kernelRows(yp + r * S), cpu::kernelRows(dyp + r * S),
                                            visibleKeys(r, T, S, past), S, s, cpu::kernelRows(dxp + r * S));
            });
        });
        return {dx, torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

bool fusedCausalSoftmaxAvailable(const torch::Tensor& scores) {
    return !cpu::attentionKernelsSwitchedOff() && cpu::rowKernelType(scores);
}

torch::Tensor causalSoftmax(const torch::Tensor& scores, double scale, int64_t past) {
    if (scores.dim() < 2) throw std::invalid_argument("causal softmax needs scores [..., T, S]");
    const int64_t T = scores.size(-2), S = scores.size(-1);
    if (past < 0 || past + T > S) throw std::invalid_argument("causal softmax: past + T exceeds the keys");
    if (fusedCausalSoftmaxAvailable(scores) && scores.numel() > 0)
        return FusedCausalSoftmax::apply(scores.contiguous(), scale, past);
    const auto hidden = torch::ones({T, S}, torch::dtype(torch::kBool).device(scores.device())).triu(past + 1);  // [T,S]
    return (scores * scale).masked_fill(hidden, -std::numeric_limits<float>::infinity()).softmax(-1);
}

}  // namespace rlhf::model
