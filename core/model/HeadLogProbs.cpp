#include "model/HeadLogProbs.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

#include "model/cpu/TokenLogProbRows.h"
#include "model/TokenLogProbs.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

// The type the output layer's product runs in: bf16 under CPU bf16 autocast, else float32.
torch::ScalarType productType() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    const bool bf16 = at::autocast::is_autocast_enabled(at::kCPU) && at::autocast::get_autocast_dtype(at::kCPU) == at::kBFloat16;
#else
    const bool bf16 = at::autocast::is_cpu_enabled() && at::autocast::get_autocast_cpu_dtype() == at::kBFloat16;
#endif
    return bf16 ? torch::kBFloat16 : torch::kFloat32;
}

// Rows per block: ~16 MB of logits, but at least 256 rows: with fewer the product slows (GPT-2's vocabulary
// in float32 at 83 rows: 2.25 s against 1.77 s whole for 4,096 rows; at 256 rows as fast as whole).
int64_t blockRows(int64_t V, int64_t elementSize) {
    return std::clamp<int64_t>((16 << 20) / std::max<int64_t>(1, V * elementSize), 256, 4096);
}

}  // namespace

bool headKernelTakes(const torch::Tensor& hidden, const torch::Tensor& weight) {
    static const bool disabled = switchedOff(EngineSwitch::CpuHeadKernel) || switchedOff(EngineSwitch::CpuLossKernel);
    const auto hiddenType = hidden.scalar_type();
    const bool gradient = torch::GradMode::is_enabled() && (hidden.requires_grad() || weight.requires_grad());
    return !disabled && !gradient && hidden.device().is_cpu() && weight.device().is_cpu() &&
           weight.scalar_type() == torch::kFloat32 && (hiddenType == torch::kFloat32 || hiddenType == torch::kBFloat16);
}

torch::Tensor headTokenLogProbs(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& targets,
                                double temperature) {
    if (!(temperature > 0)) throw std::invalid_argument("temperature must be positive");
    if (hidden.dim() != 2 || weight.dim() != 2 || hidden.size(1) != weight.size(1) || targets.dim() != 1 ||
        targets.size(0) != hidden.size(0))
        throw std::invalid_argument("head log-probs need hidden [N,C], weight [V,C] and targets [N]");
    const auto t = targets.to(torch::kLong).contiguous();
    checkTargetRange(t, weight.size(0));
    torch::NoGradGuard noGrad;
    const auto type = productType();
    const auto x = hidden.to(type).contiguous(), w = weight.to(type).contiguous();  // [N,C], [V,C]
    const int64_t N = x.size(0), R = std::min(blockRows(w.size(0), x.element_size()), std::max<int64_t>(N, 1));
    auto block = torch::empty({R, w.size(0)}, x.options());                          // [R,V]
    auto lse = torch::empty({N, 2}, torch::kFloat32), out = torch::empty({N}, torch::kFloat32);
    for (int64_t b = 0; b < N; b += R) {
        const int64_t r = std::min(R, N - b);
        auto logits = block.narrow(0, 0, r);
        at::mm_out(logits, x.narrow(0, b, r), w.t());
        cpu::logProbRows(logits, t.data_ptr<int64_t>() + b, static_cast<float>(1.0 / temperature), cpu::lseRows(lse) + b,
                         out.data_ptr<float>() + b);
    }
    return out;
}

}  // namespace rlhf::model
