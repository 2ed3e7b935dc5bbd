#include "model/cuda/TokenLogProbsKernels.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

// One thread block per row. Rows are read (and gradient rows written) 16 bytes at a time where the row
// start is 16-byte aligned, which the padded vocabulary guarantees; otherwise element by element.
// The kernels are bound by memory: the forward reads each logit once, the backward reads it once more
// and writes its gradient once, where log_softmax over a float32 copy moves about five times the bytes.

namespace rlhf::model::cuda {

namespace {

__device__ inline float toFloat(float x) { return x; }
__device__ inline float toFloat(__nv_bfloat16 x) { return __bfloat162float(x); }
__device__ inline float toFloat(__half x) { return __half2float(x); }

template <typename T>
__device__ inline T fromFloat(float x);
template <>
__device__ inline float fromFloat<float>(float x) { return x; }
template <>
__device__ inline __nv_bfloat16 fromFloat<__nv_bfloat16>(float x) { return __float2bfloat16(x); }
template <>
__device__ inline __half fromFloat<__half>(float x) { return __float2half(x); }

// Running maximum m and sum s of exp(x - m) over the values seen.
struct MaxSum {
    float m;
    float s;
};

__device__ inline void addValue(MaxSum& a, float x) {
    if (x > a.m) {
        a.s = a.s * expf(a.m - x) + 1.0f;
        a.m = x;
    } else if (x > -INFINITY) {
        a.s += expf(x - a.m);
    }
}

__device__ inline MaxSum combine(MaxSum a, MaxSum b) {
    if (b.m > a.m) {
        const MaxSum t = a;
        a = b;
        b = t;
    }
    if (b.m == -INFINITY) return a;
    return {a.m, a.s + b.s * expf(b.m - a.m)};
}

__device__ inline MaxSum warpCombine(MaxSum v) {
    for (int offset = 16; offset > 0; offset >>= 1) {
        const MaxSum other{__shfl_xor_sync(0xffffffffu, v.m, offset), __shfl_xor_sync(0xffffffffu, v.s, offset)};
        v = combine(v, other);
    }
    return v;
}

// The block's combined MaxSum, valid in thread 0. blockDim.x is a multiple of 32, at most 1024.
__device__ MaxSum blockCombine(MaxSum v) {
    __shared__ MaxSum perWarp[32];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    v = warpCombine(v);
    if (lane == 0) perWarp[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < static_cast<int>(blockDim.x >> 5) ? perWarp[lane] : MaxSum{-INFINITY, 0.0f};
        v = warpCombine(v);
    }
    return v;
}

template <typename T, bool kVector>
__global__ void rowLogSumExpKernel(const T* logits, int64_t vocab, int64_t rowStride, float scale,
                                   const int64_t* targets, float* rowStats, float* logp) {
    const int64_t row = blockIdx.x;
    const T* x = logits + row * rowStride;
    MaxSum stats{-INFINITY, 0.0f};
    if constexpr (kVector) {
        constexpr int kWidth = 16 / sizeof(T);
        const int64_t vectors = (vocab + kWidth - 1) / kWidth;  // the last may reach into the padding
        const uint4* rowVectors = reinterpret_cast<const uint4*>(x);
        for (int64_t k = threadIdx.x; k < vectors; k += blockDim.x) {
            const uint4 raw = rowVectors[k];
            const T* e = reinterpret_cast<const T*>(&raw);
#pragma unroll
            for (int w = 0; w < kWidth; ++w)
                if (k * kWidth + w < vocab) addValue(stats, scale * toFloat(e[w]));
        }
    } else {
        for (int64_t j = threadIdx.x; j < vocab; j += blockDim.x) addValue(stats, scale * toFloat(x[j]));
    }
    stats = blockCombine(stats);
    if (threadIdx.x == 0) {
        const float logSum = logf(stats.s);
        rowStats[2 * row] = stats.m;
        rowStats[2 * row + 1] = logSum;
        const int64_t t = targets[row];
        logp[row] = t >= 0 && t < vocab ? (scale * toFloat(x[t]) - stats.m) - logSum : NAN;
    }
}

template <typename T, bool kVector>
__global__ void tokenLogProbsBackwardKernel(const T* logits, int64_t vocab, int64_t rowStride, float scale,
                                            const int64_t* targets, const float* rowStats, const float* upstream,
                                            T* grad) {
    const int64_t row = blockIdx.x;
    const T* x = logits + row * rowStride;
    T* out = grad + row * rowStride;
    const float shift = rowStats[2 * row], logSum = rowStats[2 * row + 1];
    const float c = upstream[row] * scale;
    const int64_t t = targets[row];
    // The target's entry in one rounding, c (1 - p_t), as on the CPU.
    auto gradient = [&](int64_t j, float xj) -> float {
        if (j >= vocab) return 0.0f;
        const float p = expf((scale * xj - shift) - logSum);
        return j == t ? c * (1.0f - p) : -c * p;
    };
    if constexpr (kVector) {
        constexpr int kWidth = 16 / sizeof(T);
        const int64_t vectors = rowStride / kWidth;
        const uint4* rowVectors = reinterpret_cast<const uint4*>(x);
        uint4* outVectors = reinterpret_cast<uint4*>(out);
        for (int64_t k = threadIdx.x; k < vectors; k += blockDim.x) {
            const uint4 raw = rowVectors[k];
            const T* e = reinterpret_cast<const T*>(&raw);
            uint4 result;
            T* r = reinterpret_cast<T*>(&result);
#pragma unroll
            for (int w = 0; w < kWidth; ++w) r[w] = fromFloat<T>(gradient(k * kWidth + w, toFloat(e[w])));
            outVectors[k] = result;
        }
    } else {
        for (int64_t j = threadIdx.x; j < rowStride; j += blockDim.x)
            out[j] = fromFloat<T>(gradient(j, j < vocab ? toFloat(x[j]) : 0.0f));
    }
}

void throwOnLaunchError(const char* kernel) {
    const cudaError_t status = cudaGetLastError();
    if (status != cudaSuccess) throw std::runtime_error(std::string(kernel) + ": " + cudaGetErrorString(status));
}

bool vectorisable(const void* a, const void* b, int64_t rowStride, size_t elementSize) {
    return reinterpret_cast<uintptr_t>(a) % 16 == 0 && reinterpret_cast<uintptr_t>(b) % 16 == 0 &&
           (static_cast<size_t>(rowStride) * elementSize) % 16 == 0;
}

int threadsFor(int64_t vocab) { return vocab >= 8192 ? 512 : 128; }

// Calls f(T{}) with the device type of `type`.
template <typename F>
void withType(LogitType type, F&& f) {
    switch (type) {
        case LogitType::Float32: f(float{}); return;
        case LogitType::BFloat16: f(__nv_bfloat16{}); return;
        case LogitType::Float16: f(__half{}); return;
    }
}

}  // namespace

void launchRowLogSumExp(const void* logits, LogitType type, int64_t rows, int64_t vocab, int64_t rowStride,
                        float scale, const int64_t* targets, float* rowStats, float* logp, void* stream) {
    if (rows == 0) return;
    auto s = static_cast<cudaStream_t>(stream);
    withType(type, [&](auto zero) {
        using T = decltype(zero);
        const T* x = static_cast<const T*>(logits);
        if (vectorisable(x, x, rowStride, sizeof(T)))
            rowLogSumExpKernel<T, true><<<rows, threadsFor(vocab), 0, s>>>(x, vocab, rowStride, scale, targets, rowStats, logp);
        else
            rowLogSumExpKernel<T, false><<<rows, threadsFor(vocab), 0, s>>>(x, vocab, rowStride, scale, targets, rowStats, logp);
    });
    throwOnLaunchError("token log-probs (CUDA forward)");
}

void launchTokenLogProbsBackward(const void* logits, LogitType type, int64_t rows, int64_t vocab, int64_t rowStride,
                                 float scale, const int64_t* targets, const float* rowStats, const float* upstream,
                                 void* grad, void* stream) {
    if (rows == 0) return;
    auto s = static_cast<cudaStream_t>(stream);
    withType(type, [&](auto zero) {
        using T = decltype(zero);
        const T* x = static_cast<const T*>(logits);
        T* g = static_cast<T*>(grad);
        if (vectorisable(x, g, rowStride, sizeof(T)))
            tokenLogProbsBackwardKernel<T, true><<<rows, threadsFor(vocab), 0, s>>>(x, vocab, rowStride, scale, targets,
                                                                                  rowStats, upstream, g);
        else
            tokenLogProbsBackwardKernel<T, false><<<rows, threadsFor(vocab), 0, s>>>(x, vocab, rowStride, scale, targets,
                                                                                   rowStats, upstream, g);
    });
    throwOnLaunchError("token log-probs (CUDA backward)");
}

}  // namespace rlhf::model::cuda
