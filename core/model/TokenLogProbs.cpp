#include "model/TokenLogProbs.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include <torch/torch.h>

#include "model/cpu/KernelRows.h"
#include "model/cpu/TokenLogProbRows.h"
#ifdef RLHF_CUDA_KERNELS
#include "model/cuda/CudaTokenLogProbs.h"
#include "util/EngineSwitches.h"
#endif

namespace rlhf::model {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

bool useCpuKernel(const torch::Tensor& logits) {
    static const bool disabled = switchedOff(EngineSwitch::CpuLossKernel);
    return !disabled && cpu::rowKernelType(logits);
}

// logp[i] = (s * x[i, t_i] - shift_i) - logSum_i, where shift_i + logSum_i = log sum_j exp(s * x[i, j]);
// saved for the gradient: logits, targets and [N, 2] float32 (shift, logSum) per row.
class FusedTokenLogProbs : public torch::autograd::Function<FusedTokenLogProbs> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& logits, const torch::Tensor& targets,
                                 double scale) {
        const int64_t N = logits.size(0);
        auto lse = torch::empty({N, 2}, torch::kFloat32), out = torch::empty({N}, torch::kFloat32);
        cpu::logProbRows(logits, targets.data_ptr<int64_t>(), static_cast<float>(scale), cpu::lseRows(lse),
                         out.data_ptr<float>());
        ctx->save_for_backward({logits, targets, lse});
        ctx->saved_data["scale"] = scale;
        return out;
    }

    // d logp_i / d x_ij = s (onehot_ij - softmax_ij): row i of the gradient is g_i s (onehot - softmax).
    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto upstream = gradOutputs[0].to(torch::kFloat32).contiguous();
        auto grad = torch::empty_like(saved[0]);
        cpu::logProbGradientRows(saved[0], saved[1].data_ptr<int64_t>(),
                                 static_cast<float>(ctx->saved_data["scale"].toDouble()), cpu::lseRows(saved[2]),
                                 upstream.data_ptr<float>(), grad);
        return {grad, torch::Tensor(), torch::Tensor()};
    }
};

void checkShapes(const torch::Tensor& logits, const torch::Tensor& targets, int64_t vocab) {
    if (logits.dim() != 2 || targets.dim() != 1 || targets.size(0) != logits.size(0))
        throw std::invalid_argument("token log-probs need logits [N,V] and targets [N], got " +
                                    std::to_string(logits.dim()) + "-d logits and " + std::to_string(targets.dim()) +
                                    "-d targets");
    if (vocab < 1 || vocab > logits.size(1))
        throw std::invalid_argument("a vocabulary of " + std::to_string(vocab) + " tokens does not fit logits of " +
                                    std::to_string(logits.size(1)) + " columns");
    checkTargetRange(targets, vocab);
}

}  // namespace

void checkTargetRange(const torch::Tensor& targets, int64_t vocab) {
    // Checked where it is free; on a GPU it would cost a synchronisation per training step (the targets
    // come from a tokenizer loadCheckpoint has matched to the model's vocabulary).
    if (targets.numel() == 0 || !targets.device().is_cpu()) return;
    const auto range = torch::aminmax(targets);
    const int64_t low = std::get<0>(range).item<int64_t>(), high = std::get<1>(range).item<int64_t>();
    if (low < 0 || high >= vocab)
        throw std::invalid_argument("target token " + std::to_string(low < 0 ? low : high) +
                                    " is outside the vocabulary of " + std::to_string(vocab));
}

torch::Tensor tokenLogProbs(const torch::Tensor& logits, const torch::Tensor& targets, double temperature,
                            int64_t vocabSize) {
    if (!(temperature > 0)) throw std::invalid_argument("temperature must be positive");
    const auto t = targets.to(logits.device(), torch::kLong).contiguous();
    const int64_t vocab = vocabSize < 0 ? logits.dim() == 2 ? logits.size(1) : 0 : vocabSize;
    checkShapes(logits, t, vocab);
#ifdef RLHF_CUDA_KERNELS
    if (cuda::lossKernelTakes(logits)) return cuda::tokenLogProbs(logits, t, 1.0 / temperature, vocab);
#endif
    const auto real = vocab < logits.size(1) ? logits.narrow(1, 0, vocab) : logits;  // [N,V]
    if (useCpuKernel(real) && real.size(0) > 0)
        return FusedTokenLogProbs::apply(real.contiguous(), t, 1.0 / temperature);
    auto scaled = real.to(torch::kFloat32);
    if (temperature != 1.0) scaled = scaled / temperature;
    return scaled.log_softmax(-1).gather(1, t.unsqueeze(1)).squeeze(1);  // [N]
}

torch::Tensor tokenCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, LossReduction reduction,
                                int64_t ignoreIndex, int64_t vocabSize) {
    const auto t = targets.to(logits.device(), torch::kLong);
    const auto kept = t != ignoreIndex;                                                           // [N] bool
    const auto logp = tokenLogProbs(logits, t.masked_fill(kept.logical_not(), 0), 1.0, vocabSize);  // [N]
    const auto total = -torch::where(kept, logp, torch::zeros_like(logp)).sum();
    return reduction == LossReduction::Sum ? total : total / kept.sum().to(torch::kFloat32);
}

}  // namespace rlhf::model
