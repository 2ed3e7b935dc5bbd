#pragma once
// Causal self-attention of one (batch, head) pair in float32, forward and backward, for CPU training
// (CausalAttention). Rows are vectors of D floats at a stride (the q, k, v views of the fused c_attn
// output need no copy); query t sees keys 0..t. Vectorised for the CPU they run on (an AVX-512, AVX2 or
// SSE copy, SimdLanes.h); no allocation, no threads: the caller runs heads in parallel.

#include <cstdint>

namespace rlhf::model::cpu {

struct HeadRows {
    const float* data;
    int64_t stride;  // floats between consecutive rows (positions)
};

// probs [T,T] = softmax(scale * q k^T) below the diagonal (0 above); y row t (at yStride) = sum_j
// probs[t,j] v_j. scratch holds D * T floats.
void causalAttentionForward(HeadRows q, HeadRows k, HeadRows v, int64_t T, int64_t D, float scale, float* probs,
                            float* y, int64_t yStride, float* scratch);

// Gradients of that head given dy (rows at a stride): dq, dk, dv [T,D] contiguous, overwritten.
// scratch holds D * T + 4 * T floats.
void causalAttentionBackward(HeadRows q, HeadRows k, HeadRows v, HeadRows dy, const float* probs, int64_t T, int64_t D,
                             float scale, float* dq, float* dk, float* dv, float* scratch);

}  // namespace rlhf::model::cpu
