#include "model/cpu/MambaDecodeStep.h"

#include <cmath>

#include <ATen/Parallel.h>
#include <torch/torch.h>

namespace rlhf::model::cpu {

namespace {

float silu(float v) { return v / (1.0f + std::exp(-v)); }

// torch::softplus with beta 1 and threshold 20: the input itself above the threshold.
float softplus(float v) { return v > 20.0f ? v : std::log1p(std::exp(v)); }

}  // namespace

torch::Tensor mambaConvolutionStep(torch::Tensor& window, const torch::Tensor& x, const torch::Tensor& weight,
                                   const torch::Tensor& bias) {
    const int64_t B = x.size(0), I = x.size(1), past = window.size(2);
    TORCH_CHECK(window.is_contiguous() && window.scalar_type() == torch::kFloat32 && window.size(0) == B && window.size(1) == I,
                "mambaConvolutionStep: the window must be a contiguous float32 [B,I,K-1]");
    const auto xs = x.contiguous();
    const auto w = weight.contiguous();
    const auto bc = bias.defined() ? bias.contiguous() : bias;
    auto u = torch::empty({B, I}, xs.options());
    float* win = window.data_ptr<float>();
    const float* in = xs.data_ptr<float>();
    const float* k = w.data_ptr<float>();
    const float* bs = bc.defined() ? bc.data_ptr<float>() : nullptr;
    float* out = u.data_ptr<float>();
    at::parallel_for(0, B * I, 256, [&](int64_t from, int64_t to) {
        for (int64_t row = from; row < to; ++row) {
            const int64_t i = row % I;
            float* cell = win + row * past;  // the channel's last K−1 inputs, oldest first
            const float* taps = k + i * (past + 1);
            float sum = bs ? bs[i] : 0.0f;
            for (int64_t j = 0; j < past; ++j) sum += taps[j] * cell[j];
            sum += taps[past] * in[row];
            for (int64_t j = 0; j + 1 < past; ++j) cell[j] = cell[j + 1];
            if (past > 0) cell[past - 1] = in[row];
            out[row] = silu(sum);
        }
    });
    return u;
}

torch::Tensor mambaScanStep(const torch::Tensor& u, const torch::Tensor& dtRaw, const torch::Tensor& b, const torch::Tensor& c,
                            const torch::Tensor& negA, const torch::Tensor& d, const torch::Tensor& z, torch::Tensor& ssm) {
    const int64_t B = u.size(0), I = u.size(1), N = ssm.size(2);
    TORCH_CHECK(ssm.is_contiguous() && ssm.scalar_type() == torch::kFloat32 && ssm.size(0) == B && ssm.size(1) == I,
                "mambaScanStep: the state must be a contiguous float32 [B,I,N]");
    const auto us = u.contiguous(), dts = dtRaw.contiguous(), bs = b.contiguous(), cs = c.contiguous(), zs = z.contiguous();
    const auto as = negA.contiguous(), ds = d.contiguous();
    auto y = torch::empty({B, I}, us.options());
    const float *uu = us.data_ptr<float>(), *dd = dts.data_ptr<float>(), *bb = bs.data_ptr<float>(), *cc = cs.data_ptr<float>();
    const float *zz = zs.data_ptr<float>(), *aa = as.data_ptr<float>(), *dv = ds.data_ptr<float>();
    float* state = ssm.data_ptr<float>();
    float* out = y.data_ptr<float>();
    at::parallel_for(0, B * I, 64, [&](int64_t from, int64_t to) {
        for (int64_t row = from; row < to; ++row) {
            const int64_t batch = row / I, i = row % I;
            const float dt = softplus(dd[row]), input = dt * uu[row];
            const float* bn = bb + batch * N;
            const float* cn = cc + batch * N;
            const float* an = aa + i * N;
            float* s = state + row * N;
            float sum = 0.0f;
            for (int64_t n = 0; n < N; ++n) {
                s[n] = std::exp(dt * an[n]) * s[n] + input * bn[n];
                sum += s[n] * cn[n];
            }
            out[row] = (sum + uu[row] * dv[i]) * silu(zz[row]);
        }
    });
    return y;
}

}  // namespace rlhf::model::cpu
