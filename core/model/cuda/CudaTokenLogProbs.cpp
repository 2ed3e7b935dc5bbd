#include "model/cuda/CudaTokenLogProbs.h"

#include <cstdlib>

#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/torch.h>

#include "model/cuda/TokenLogProbsKernels.h"
#include "util/EngineSwitches.h"

namespace rlhf::model::cuda {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

LogitType logitType(const torch::Tensor& t) {
    switch (t.scalar_type()) {
        case torch::kBFloat16: return LogitType::BFloat16;
        case torch::kFloat16: return LogitType::Float16;
        default: return LogitType::Float32;
    }
}

void* currentStream(const torch::Tensor& t) {
    return c10::cuda::getCurrentCUDAStream(t.device().index()).stream();
}

// Saved for the gradient: logits, targets and [N, 2] float32 (shift, logSum) per row.
class FusedTokenLogProbs : public torch::autograd::Function<FusedTokenLogProbs> {
public:
    // logits [N, W] contiguous, targets [N] int64 contiguous.
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& logits, const torch::Tensor& targets,
                                 double scale, int64_t vocab) {
        const c10::cuda::CUDAGuard guard(logits.device());
        const int64_t N = logits.size(0);
        const auto f32 = logits.options().dtype(torch::kFloat32);
        auto stats = torch::empty({N, 2}, f32), out = torch::empty({N}, f32);
        launchRowLogSumExp(logits.data_ptr(), logitType(logits), N, vocab, logits.size(1), static_cast<float>(scale),
                           targets.data_ptr<int64_t>(), stats.data_ptr<float>(), out.data_ptr<float>(),
                           currentStream(logits));
        ctx->save_for_backward({logits, targets, stats});
        ctx->saved_data["scale"] = scale;
        ctx->saved_data["vocab"] = vocab;
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto& logits = saved[0];
        const c10::cuda::CUDAGuard guard(logits.device());
        const auto upstream = gradOutputs[0].to(torch::kFloat32).contiguous();
        auto grad = torch::empty_like(logits, torch::MemoryFormat::Contiguous);
        launchTokenLogProbsBackward(logits.data_ptr(), logitType(logits), logits.size(0),
                                    ctx->saved_data["vocab"].toInt(), logits.size(1),
                                    static_cast<float>(ctx->saved_data["scale"].toDouble()),
                                    saved[1].data_ptr<int64_t>(), saved[2].data_ptr<float>(),
                                    upstream.data_ptr<float>(), grad.data_ptr(), currentStream(logits));
        return {grad, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

bool lossKernelTakes(const torch::Tensor& logits) {
    static const bool disabled = switchedOff(EngineSwitch::CudaLossKernel);
    const auto type = logits.scalar_type();
    return !disabled && logits.is_cuda() &&
           (type == torch::kFloat32 || type == torch::kBFloat16 || type == torch::kFloat16);
}

torch::Tensor tokenLogProbs(const torch::Tensor& logits, const torch::Tensor& targets, double scale, int64_t vocab) {
    if (logits.size(0) == 0) return torch::zeros({0}, logits.options().dtype(torch::kFloat32));
    return FusedTokenLogProbs::apply(logits.contiguous(), targets.contiguous(), scale, vocab);
}

}  // namespace rlhf::model::cuda
