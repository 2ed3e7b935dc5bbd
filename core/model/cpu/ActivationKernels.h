#pragma once
// GPT-2's tanh GELU (gelu_new) over rows of float32 or bfloat16 (as bit patterns): y = 0.5 x (1 + tanh(u)),
// u = sqrt(2/pi) (x + 0.044715 x^3), computed in float32 as x / (1 + e^-2u) (the same function), and its
// gradient; Llama's SwiGLU gate for the decode step. Vectorised for the CPU they run on (SimdLanes.h); no allocation, no threads.

#include <cstdint>

namespace rlhf::model::cpu {

// y[i] = gelu(x[i]) for i < n; y may be x.
void geluTanhRows(const float* x, float* y, int64_t n);
void geluTanhRows(const uint16_t* x, uint16_t* y, int64_t n);

// dx[i] = dy[i] * gelu'(x[i]) for i < n; dx may be dy.
void geluTanhBackwardRows(const float* x, const float* dy, float* dx, int64_t n);
void geluTanhBackwardRows(const uint16_t* x, const uint16_t* dy, uint16_t* dx, int64_t n);

// SwiGLU's gate: gate[i] = silu(gate[i]) * up[i] = gate[i] / (1 + e^-gate[i]) * up[i] for i < n (float32).
void siluGateRows(float* gate, const float* up, int64_t n);
// The same in bf16 arithmetic (silu and the product each rounded to bf16): gate[i] = bf16(bf16(silu(gate[i])) * up[i]).
void siluGateRowsBf16(float* gate, const float* up, int64_t n);

}  // namespace rlhf::model::cpu
