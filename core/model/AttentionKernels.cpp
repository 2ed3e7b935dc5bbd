#include "model/AttentionKernels.h"

#include <algorithm>

#include "model/LogitKernels.h"
#include "model/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

using simd::Vec16;

// Transposes rows [T] x D into columns: out[d * T + j] = rows[j][d].
RLHF_INLINE void transpose(HeadRows rows, int64_t T, int64_t D, float* out) {
    for (int64_t j = 0; j < T; ++j)
        for (int64_t d = 0; d < D; ++d) out[d * T + j] = rows.data[j * rows.stride + d];
}

// out[j] = dot(a, columns[., j]) for j < n, columns [D, T] (a transposed matrix): each loaded column
// block meets one broadcast element of a, so the loop is arithmetic-bound.
RLHF_INLINE void dotColumns(const float* a, const float* columns, int64_t T, int64_t D, int64_t n, float* out) {
    int64_t j = 0;
    for (; j + 64 <= n; j += 64) {
        Vec16 acc0 = {}, acc1 = {}, acc2 = {}, acc3 = {};
        for (int64_t d = 0; d < D; ++d) {
            const float* c = columns + d * T + j;
            const float ad = a[d];
            acc0 += ad * simd::load(c);
            acc1 += ad * simd::load(c + 16);
            acc2 += ad * simd::load(c + 32);
            acc3 += ad * simd::load(c + 48);
        }
        simd::store(out + j, acc0);
        simd::store(out + j + 16, acc1);
        simd::store(out + j + 32, acc2);
        simd::store(out + j + 48, acc3);
    }
    for (; j + 16 <= n; j += 16) {
        Vec16 acc = {};
        for (int64_t d = 0; d < D; ++d) acc += a[d] * simd::load(columns + d * T + j);
        simd::store(out + j, acc);
    }
    for (; j < n; ++j) {
        float s = 0;
        for (int64_t d = 0; d < D; ++d) s += a[d] * columns[d * T + j];
        out[j] = s;
    }
}

// out[0..D) = sum_{j<n} w[j] * rows[j][0..D).
RLHF_INLINE void weightedRowSum(const float* w, HeadRows rows, int64_t n, int64_t D, float* out) {
    int64_t d = 0;
    for (; d + 16 <= D; d += 16) {
        Vec16 acc = {};
        for (int64_t j = 0; j < n; ++j) acc += w[j] * simd::load(rows.data + j * rows.stride + d);
        simd::store(out + d, acc);
    }
    for (; d < D; ++d) {
        float s = 0;
        for (int64_t j = 0; j < n; ++j) s += w[j] * rows.data[j * rows.stride + d];
        out[d] = s;
    }
}

// rows[j][0..D) += w[j] * x[0..D) for j < n (rows contiguous [n, D]).
RLHF_INLINE void addScaledToRows(const float* w, const float* x, int64_t n, int64_t D, float* rows) {
    for (int64_t j = 0; j < n; ++j) {
        float* r = rows + j * D;
        const float wj = w[j];
        int64_t d = 0;
        for (; d + 16 <= D; d += 16) simd::store(r + d, simd::load(r + d) + wj * simd::load(x + d));
        for (; d < D; ++d) r[d] += wj * x[d];
    }
}

}  // namespace

RLHF_CLONES void causalAttentionForward(HeadRows q, HeadRows k, HeadRows v, int64_t T, int64_t D, float scale,
                                        float* probs, float* y, int64_t yStride, float* scratch) {
    float* kColumns = scratch;  // [D, T]
    transpose(k, T, D, kColumns);
    for (int64_t t = 0; t < T; ++t) {
        float* p = probs + t * T;
        dotColumns(q.data + t * q.stride, kColumns, T, D, t + 1, p);  // raw scores in p[0..t]
        rowSoftmax(p, t + 1, T, scale, p);
        weightedRowSum(p, v, t + 1, D, y + t * yStride);
    }
}

RLHF_CLONES void causalAttentionBackward(HeadRows q, HeadRows k, HeadRows v, HeadRows dy, const float* probs, int64_t T,
                                         int64_t D, float scale, float* dq, float* dk, float* dv, float* scratch) {
    float* vColumns = scratch;       // [D, T]
    float* dScores = scratch + D * T;  // [T]: one row of d(scores)
    transpose(v, T, D, vColumns);
    std::fill(dk, dk + T * D, 0.0f);
    std::fill(dv, dv + T * D, 0.0f);
    for (int64_t t = 0; t < T; ++t) {
        const float* p = probs + t * T;
        const float* dyt = dy.data + t * dy.stride;
        const int64_t n = t + 1;
        addScaledToRows(p, dyt, n, D, dv);           // dv_j += p_tj dy_t
        dotColumns(dyt, vColumns, T, D, n, dScores);  // dp_tj = dy_t . v_j
        rowSoftmaxBackward(p, dScores, n, n, scale, dScores);  // ds_tj = scale p_tj (dp_tj - sum_j p dp)
        weightedRowSum(dScores, k, n, D, dq + t * D);  // dq_t = sum_j ds_tj k_j
        addScaledToRows(dScores, q.data + t * q.stride, n, D, dk);  // dk_j += ds_tj q_t
    }
}

}  // namespace rlhf::model::cpu
