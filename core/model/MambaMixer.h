#pragma once
// The selective state-space mixer of Mamba (Gu & Dao 2023, Algorithm 2), laid out as transformers'
// MambaMixer so its parameters map 1:1 to checkpoint keys (in_proj, conv1d, x_proj, dt_proj, A_log, D,
// out_proj). For each of I channels and each position t:
//   x, z      = in_proj(h_t)                      (the input and the gate, I each)
//   u_t       = SiLU(causal depthwise conv_K(x)_t)
//   Δ_t, B_t, C_t = x_proj(u_t) split R, N, N;  Δ_t = softplus(dt_proj(Δ_t))   (the selection)
//   s_t       = exp(Δ_t A) ⊙ s_(t−1) + Δ_t B_t u_t   (A = −exp(A_log) [I,N]: a diagonal state of N per channel)
//   y_t       = C_t · s_t + D u_t;   out_t = out_proj(y_t ⊙ SiLU(z_t))
// The scan runs one position after another (SelectiveScan), in float32 as transformers' slow path; the convolution and
// the scan continue from a MambaLayerState, so decoding one token costs the same at any context length. A
// decode step on the CPU without autograd fuses the elementwise work between the products
// (cpu/MambaDecodeStep).
// Shapes: B batch, T positions, C hidden, I channels, N state, K conv width, R time-step rank.

#include <torch/nn.h>

#include "model/MambaConfig.h"

namespace rlhf::model {

// What a layer carries from one position to the next.
struct MambaLayerState {
    torch::Tensor conv;  // [B,I,K−1]: the last K−1 convolution inputs (zeros before the first position)
    torch::Tensor ssm;   // [B,I,N] float32: s_t
};

class MambaMixerImpl : public torch::nn::Module {
public:
    explicit MambaMixerImpl(const MambaConfig& config);

    // x [B,T,C] -> [B,T,C]. With `state`, starts from it (from zeros while its tensors are undefined) and
    // leaves it after the last of these T positions. `mask` [B,T] (1 real, 0 padding), for rows left-padded
    // to one length from a zero state: the convolution's input and output are zeroed at padding, as
    // transformers' attention_mask does, so the state stays zero through it and each row's real positions
    // compute as the row alone would. Padding positions' outputs are meaningless.
    torch::Tensor forward(const torch::Tensor& x, MambaLayerState* state = nullptr, const torch::Tensor& mask = {});

    // transformers' initialisation for training from scratch: A_log = log(1 … N) per channel, D = 1,
    // dt_proj's bias the inverse softplus of time steps log-uniform in [time_step_min, time_step_max],
    // its weight uniform ±time_step_scale/sqrt(R), other biases zero.
    void initialise(const MambaConfig& config);

    torch::nn::Linear in_proj{nullptr};   // C -> 2I (x and the gate z)
    torch::nn::Conv1d conv1d{nullptr};    // depthwise, weight [I,1,K]
    torch::nn::Linear x_proj{nullptr};    // I -> R + 2N, no bias
    torch::nn::Linear dt_proj{nullptr};   // R -> I
    torch::nn::Linear out_proj{nullptr};  // I -> C
    torch::Tensor A_log;                  // [I,N]
    torch::Tensor D;                      // [I]

private:
    // u, dt [B,T,I], b, c [B,T,N] (float32) -> y [B,T,I], from and into `state` (zeros when undefined).
    torch::Tensor selectiveScan(const torch::Tensor& u, const torch::Tensor& dt, const torch::Tensor& b,
                                const torch::Tensor& c, torch::Tensor& state) const;
    // Whether forward(x, state) takes the fused decode step: one position, CPU float32, no autograd or
    // autocast, the switch not set.
    bool fusesDecodeStep(const torch::Tensor& x, const MambaLayerState* state, const torch::Tensor& mask) const;
    // x [B,1,C] -> [B,1,C], `state` advanced in place (cpu/MambaDecodeStep).
    torch::Tensor decodeStep(const torch::Tensor& x, MambaLayerState& state);

    int64_t channels_, stateSize_, kernel_, rank_;
};
TORCH_MODULE(MambaMixer);

}  // namespace rlhf::model
