#include "model/MambaMixer.h"

#include <cmath>

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

#include "model/SelectiveScan.h"
#include "model/cpu/MambaDecodeStep.h"
#include "util/EngineSwitches.h"

namespace rlhf::model {

namespace {

bool cpuAutocastOn() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCPU);
#else
    return at::autocast::is_cpu_enabled();
#endif
}

}  // namespace

MambaMixerImpl::MambaMixerImpl(const MambaConfig& c)
    : channels_(c.intermediateSize), stateSize_(c.stateSize), kernel_(c.convKernel), rank_(c.timeStepRank) {
    const int64_t C = c.hiddenSize, I = channels_, N = stateSize_, R = rank_;
    in_proj = register_module("in_proj", torch::nn::Linear(torch::nn::LinearOptions(C, 2 * I).bias(c.useBias)));
    conv1d = register_module("conv1d", torch::nn::Conv1d(torch::nn::Conv1dOptions(I, I, kernel_).groups(I).bias(c.useConvBias)));
    x_proj = register_module("x_proj", torch::nn::Linear(torch::nn::LinearOptions(I, R + 2 * N).bias(false)));
    dt_proj = register_module("dt_proj", torch::nn::Linear(torch::nn::LinearOptions(R, I).bias(true)));
    out_proj = register_module("out_proj", torch::nn::Linear(torch::nn::LinearOptions(I, C).bias(c.useBias)));
    A_log = register_parameter("A_log", torch::zeros({I, N}));
    D = register_parameter("D", torch::ones({I}));
    initialise(c);
}

void MambaMixerImpl::initialise(const MambaConfig& c) {
    torch::NoGradGuard noGrad;
    A_log.copy_(torch::log(torch::arange(1, stateSize_ + 1, torch::kFloat32)).expand({channels_, stateSize_}));
    D.fill_(1.0);
    const double std = c.timeStepScale / std::sqrt(static_cast<double>(rank_));
    dt_proj->weight.uniform_(-std, std);
    const double logMin = std::log(c.timeStepMin), logMax = std::log(c.timeStepMax);
    const auto dt = torch::exp(torch::rand({channels_}) * (logMax - logMin) + logMin).clamp_min(c.timeStepFloor);
    dt_proj->bias.copy_(dt + torch::log(-torch::expm1(-dt)));  // softplus(bias) = dt
    if (in_proj->bias.defined()) in_proj->bias.zero_();
    if (out_proj->bias.defined()) out_proj->bias.zero_();
    if (c.rescalePrenormResidual) out_proj->weight.div_(std::sqrt(static_cast<double>(c.layers)));
}

torch::Tensor MambaMixerImpl::selectiveScan(const torch::Tensor& u, const torch::Tensor& dt, const torch::Tensor& b,
                                            const torch::Tensor& c, torch::Tensor& state) const {
    const int64_t T = u.size(1);
    const auto A = -torch::exp(A_log.to(torch::kFloat32));                 // [I,N]
    const auto decay = torch::exp(dt.unsqueeze(-1) * A);                     // [B,T,I,N]: exp(Δ_t A)
    const auto input = (dt * u).unsqueeze(-1) * b.unsqueeze(2);              // [B,T,I,N]: Δ_t B_t u_t
    const auto start = state.defined() ? state : torch::zeros({u.size(0), channels_, stateSize_}, u.options());
    const auto states = selectiveScanStates(decay, input, start);  // [B,T,I,N]
    state = states.select(1, T - 1).clone();  // not a view: the states of all T positions can go
    return (states * c.unsqueeze(2)).sum(-1);  // [B,T,I]: C_t · s_t
}

bool MambaMixerImpl::fusesDecodeStep(const torch::Tensor& x, const MambaLayerState* state, const torch::Tensor& mask) const {
    return state && !mask.defined() && x.size(1) == 1 && x.device().is_cpu() && x.scalar_type() == torch::kFloat32 &&
           in_proj->weight.scalar_type() == torch::kFloat32 && !torch::GradMode::is_enabled() &&
           !cpuAutocastOn() && !switchedOff(EngineSwitch::MambaDecodeKernel);
}

torch::Tensor MambaMixerImpl::decodeStep(const torch::Tensor& x, MambaLayerState& state) {
    const int64_t B = x.size(0), I = channels_, N = stateSize_;
    const auto xz = in_proj(x.view({B, x.size(2)}));  // [B,2I]: x and the gate z
    if (!state.conv.defined()) state.conv = torch::zeros({B, I, kernel_ - 1}, xz.options());
    if (!state.ssm.defined()) state.ssm = torch::zeros({B, I, N}, xz.options());
    // A prompt's pass leaves the window as a view (and under autocast perhaps in bf16), the state a clone.
    state.conv = state.conv.to(torch::kFloat32).contiguous();
    state.ssm = state.ssm.to(torch::kFloat32).contiguous();
    const auto u = cpu::mambaConvolutionStep(state.conv, xz.narrow(1, 0, I), conv1d->weight, conv1d->bias);  // [B,I]
    const auto dbc = x_proj(u);                                                                                // [B,R+2N]
    const auto dtRaw = dt_proj(dbc.narrow(1, 0, rank_));                                                       // [B,I]
    const auto y = cpu::mambaScanStep(u, dtRaw, dbc.narrow(1, rank_, N), dbc.narrow(1, rank_ + N, N), -torch::exp(A_log), D,
                                      xz.narrow(1, I, I), state.ssm);
    return out_proj(y).view({B, 1, -1});
}

torch::Tensor MambaMixerImpl::forward(const torch::Tensor& x, MambaLayerState* state, const torch::Tensor& mask) {
    if (fusesDecodeStep(x, state, mask)) return decodeStep(x, *state);
    const int64_t B = x.size(0), T = x.size(1), I = channels_, N = stateSize_;
    const auto xz = in_proj(x).chunk(2, -1);                                   // [B,T,I] each
    const auto keep = mask.defined() ? mask.to(xz[0].scalar_type()).unsqueeze(-1) : torch::Tensor();  // [B,T,1]
    const auto past = state && state->conv.defined() ? state->conv : torch::zeros({B, I, kernel_ - 1}, xz[0].options());
    const auto input = keep.defined() ? xz[0] * keep : xz[0];
    const auto convInput = torch::cat({past, input.transpose(1, 2).to(past.scalar_type())}, 2);  // [B,I,K−1+T]
    if (state) state->conv = convInput.narrow(2, T, kernel_ - 1);
    auto u = torch::silu(conv1d(convInput)).transpose(1, 2);                  // [B,T,I]
    if (keep.defined()) u = u * keep;
    const auto dbc = x_proj(u).to(torch::kFloat32);                          // [B,T,R+2N]
    const auto dt = torch::softplus(dt_proj(dbc.narrow(-1, 0, rank_))).to(torch::kFloat32);
    const auto u32 = u.to(torch::kFloat32);
    torch::Tensor noState;
    torch::Tensor& s = state ? state->ssm : noState;
    auto y = selectiveScan(u32, dt, dbc.narrow(-1, rank_, N), dbc.narrow(-1, rank_ + N, N), s);
    y = (y + u32 * D) * torch::silu(xz[1].to(torch::kFloat32));               // [B,T,I]
    return out_proj(y);
}

}  // namespace rlhf::model
