#include "model/cpu/GeluTanh.h"

#include <cstdlib>
#include <stdexcept>

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include "model/cpu/ActivationKernels.h"
#include "model/cpu/KernelRows.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Elementwise: grainRows(1) gives each parallel task ~64k elements.
class FusedGeluTanh : public torch::autograd::Function<FusedGeluTanh> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& input) {
        const auto x = input.contiguous();
        auto y = torch::empty_like(x);
        cpu::withRowType(x, [&](auto type) {
            using T = decltype(type);
            const T* in = x.data_ptr<T>();
            T* out = y.data_ptr<T>();
            at::parallel_for(0, x.numel(), cpu::grainRows(1), [&](int64_t begin, int64_t end) {
                cpu::geluTanhRows(cpu::kernelRows(in + begin), cpu::kernelRows(out + begin), end - begin);
            });
        });
        ctx->save_for_backward({x});
        return y;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto x = ctx->get_saved_variables()[0];
        const auto dy = gradOutputs[0].to(x.scalar_type()).contiguous();
        auto dx = torch::empty_like(x);
        cpu::withRowType(x, [&](auto type) {
            using T = decltype(type);
            const T* in = x.data_ptr<T>();
            const T* up = dy.data_ptr<T>();
            T* out = dx.data_ptr<T>();
            at::parallel_for(0, x.numel(), cpu::grainRows(1), [&](int64_t begin, int64_t end) {
                cpu::geluTanhBackwardRows(cpu::kernelRows(in + begin), cpu::kernelRows(up + begin), cpu::kernelRows(out + begin),
                                          end - begin);
            });
        });
        return {dx};
    }
};

}  // namespace

bool geluKernelTakes(const torch::Tensor& x) {
    static const bool disabled = switchedOff(EngineSwitch::CpuGeluKernel);
    return !disabled && cpu::rowKernelType(x);
}

torch::Tensor geluTanh(const torch::Tensor& x) {
    if (!cpu::rowKernelType(x)) throw std::invalid_argument("geluTanh needs a float32 or bfloat16 CPU tensor");
    return FusedGeluTanh::apply(x);
}

}  // namespace rlhf::model
