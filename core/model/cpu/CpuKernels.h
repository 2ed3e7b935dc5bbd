#pragma once
// The float32 loops of the CPU decode steps (CpuDecoder, LlamaCpuDecoder), and their bfloat16 variants,
// vectorised for the CPU they run on (an AVX-512, AVX2 or SSE copy,
// SimdLanes.h). Row-major shapes; no allocation, no threads.

#include <cstdint>

#include "model/Gpt2Config.h"

namespace rlhf::model::cpu {

// out[b, n] = bias[n] + dot(in[b, :], weight[n, :]) for b < B and n0 <= n < n1, added to out[b, n]
// when `accumulate` (a residual add). in [B,K], weight [N,K] (a torch Linear weight), out [B,N];
// bias may be null.
void linearRows(const float* in, int64_t B, int64_t K, const float* weight, const float* bias, float* out, int64_t N,
                int64_t n0, int64_t n1, bool accumulate);
// The same with bfloat16 weights and bias (bit patterns) and a bf16 nn.Linear's arithmetic: the sum in
// float32, the bias added, the result rounded to bf16; with `accumulate` the residual add rounded again.
void linearRows(const float* in, int64_t B, int64_t K, const uint16_t* weight, const uint16_t* bias, float* out,
                int64_t N, int64_t n0, int64_t n1, bool accumulate);


// One query against keys/values [positions, D] (rows `first`..`last` inclusive): out[D] = softmax(scale *
// q.k) weighted sum of the values. `weights` has room for last + 1 floats.
void attendOne(const float* q, const float* keys, const float* values, int64_t first, int64_t last, int64_t D,
               float scale, float* weights, float* out);
// The same over a bfloat16 cache (bit patterns) in bf16 arithmetic (transformers' eager attention on bf16
// tensors): each score rounded after the product and after the scaling, the softmax in float32, its
// probabilities and the weighted sum rounded.
void attendOneBf16(const float* q, const uint16_t* keys, const uint16_t* values, int64_t first, int64_t last, int64_t D,
                   float scale, float* weights, float* out);

// out = (x - mean) / sqrt(var + eps) * weight + bias over C values (biased variance, like torch).
void layerNorm(const float* x, const float* weight, const float* bias, float* out, int64_t C, float eps);

// out = weight * (x * 1/sqrt(mean(x^2) + eps)) over C values (Llama's RMSNorm in float32).
void rmsNorm(const float* x, const float* weight, float* out, int64_t C, float eps);
// With a bfloat16 weight, rounded as transformers' LlamaRMSNorm on bf16: out = bf16(weight * bf16(x * r)).
void rmsNorm(const float* x, const uint16_t* weight, float* out, int64_t C, float eps);

// The MLP activation `a` in place (geluTanhRows for Activation::GeluTanh).
void activate(float* x, int64_t n, Activation a);

}  // namespace rlhf::model::cpu
