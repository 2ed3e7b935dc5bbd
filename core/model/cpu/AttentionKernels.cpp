#include "model/cpu/AttentionKernels.h"

#include <algorithm>

#include "model/cpu/LogitKernels.h"
#include "model/cpu/SimdLanes.h"

namespace rlhf::model::cpu {

namespace {

// Query rows are taken M at a time (a tile, M <= 4): every key or value row loaded from memory then
// meets M query rows in registers instead of one, which turns these loops from load-bound into
// arithmetic-bound. Row i of a tile's operands is at base + i * stride.

// Transposes rows [T] x D into columns: out[d * T + j] = rows[j][d].
RLHF_INLINE void transpose(HeadRows rows, int64_t T, int64_t D, float* out) {
    for (int64_t j = 0; j < T; ++j)
        for (int64_t d = 0; d < D; ++d) out[d * T + j] = rows.data[j * rows.stride + d];
}

// out_i[j] = dot(a_i, columns[., j]) for i < M, j < n; columns [D, T] (a transposed matrix).
template <typename V, int M>
RLHF_INLINE void dotColumns(const float* a, int64_t aStride, const float* columns, int64_t T, int64_t D, int64_t n,
                            float* out, int64_t outStride) {
    constexpr int L = simd::lanes<V>;
    int64_t j = 0;
    for (; j + 2 * L <= n; j += 2 * L) {
        V acc[M][2] = {};
        for (int64_t d = 0; d < D; ++d) {
            const V c0 = simd::load<V>(columns + d * T + j), c1 = simd::load<V>(columns + d * T + j + L);
            for (int i = 0; i < M; ++i) {
                const float ad = a[i * aStride + d];
                acc[i][0] += ad * c0;
                acc[i][1] += ad * c1;
            }
        }
        for (int i = 0; i < M; ++i) {
            simd::store(out + i * outStride + j, acc[i][0]);
            simd::store(out + i * outStride + j + L, acc[i][1]);
        }
    }
    for (; j + L <= n; j += L) {
        V acc[M] = {};
        for (int64_t d = 0; d < D; ++d) {
            const V c = simd::load<V>(columns + d * T + j);
            for (int i = 0; i < M; ++i) acc[i] += a[i * aStride + d] * c;
        }
        for (int i = 0; i < M; ++i) simd::store(out + i * outStride + j, acc[i]);
    }
    for (; j < n; ++j)
        for (int i = 0; i < M; ++i) {
            float s = 0;
            for (int64_t d = 0; d < D; ++d) s += a[i * aStride + d] * columns[d * T + j];
            out[i * outStride + j] = s;
        }
}

// out_i[0..D) = sum_{j<n} w_i[j] * rows[j][0..D) for i < M.
template <typename V, int M>
RLHF_INLINE void weightedRowSums(const float* w, int64_t wStride, HeadRows rows, int64_t n, int64_t D, float* out,
                                 int64_t outStride) {
    constexpr int L = simd::lanes<V>;
    int64_t d = 0;
    for (; d + 2 * L <= D; d += 2 * L) {
        V acc[M][2] = {};
        for (int64_t j = 0; j < n; ++j) {
            const float* r = rows.data + j * rows.stride + d;
            const V r0 = simd::load<V>(r), r1 = simd::load<V>(r + L);
            for (int i = 0; i < M; ++i) {
                const float wij = w[i * wStride + j];
                acc[i][0] += wij * r0;
                acc[i][1] += wij * r1;
            }
        }
        for (int i = 0; i < M; ++i) {
            simd::store(out + i * outStride + d, acc[i][0]);
            simd::store(out + i * outStride + d + L, acc[i][1]);
        }
    }
    for (; d + L <= D; d += L) {
        V acc[M] = {};
        for (int64_t j = 0; j < n; ++j) {
            const V r = simd::load<V>(rows.data + j * rows.stride + d);
            for (int i = 0; i < M; ++i) acc[i] += w[i * wStride + j] * r;
        }
        for (int i = 0; i < M; ++i) simd::store(out + i * outStride + d, acc[i]);
    }
    for (; d < D; ++d)
        for (int i = 0; i < M; ++i) {
            float s = 0;
            for (int64_t j = 0; j < n; ++j) s += w[i * wStride + j] * rows.data[j * rows.stride + d];
            out[i * outStride + d] = s;
        }
}

// rows[j][0..D) += sum_{i<M} w_i[j] * x_i[0..D) for j < n (rows contiguous [n, D]).
template <typename V, int M>
RLHF_INLINE void addWeightedToRows(const float* w, int64_t wStride, const float* x, int64_t xStride, int64_t n,
                                   int64_t D, float* rows) {
    constexpr int L = simd::lanes<V>;
    int64_t d = 0;
    for (; d + 2 * L <= D; d += 2 * L) {
        V xi[M][2];
        for (int i = 0; i < M; ++i) xi[i][0] = simd::load<V>(x + i * xStride + d), xi[i][1] = simd::load<V>(x + i * xStride + d + L);
        for (int64_t j = 0; j < n; ++j) {
            float* r = rows + j * D + d;
            V r0 = simd::load<V>(r), r1 = simd::load<V>(r + L);
            for (int i = 0; i < M; ++i) {
                const float wij = w[i * wStride + j];
                r0 += wij * xi[i][0];
                r1 += wij * xi[i][1];
            }
            simd::store(r, r0);
            simd::store(r + L, r1);
        }
    }
    for (; d + L <= D; d += L) {
        V xi[M];
        for (int i = 0; i < M; ++i) xi[i] = simd::load<V>(x + i * xStride + d);
        for (int64_t j = 0; j < n; ++j) {
            float* r = rows + j * D + d;
            V r0 = simd::load<V>(r);
            for (int i = 0; i < M; ++i) r0 += w[i * wStride + j] * xi[i];
            simd::store(r, r0);
        }
    }
    for (; d < D; ++d)
        for (int64_t j = 0; j < n; ++j)
            for (int i = 0; i < M; ++i) rows[j * D + d] += w[i * wStride + j] * x[i * xStride + d];
}

struct ForwardHead {
    HeadRows q, v;
    const float* kColumns;  // [D, T]
    int64_t T, D;
    float scale;
    float* probs;  // [T, T]
    float* y;
    int64_t yStride;
};

// Query rows t0 .. t0+M-1, which see keys 0 .. t0+M-1 (n) at most.
template <typename V, int M>
RLHF_INLINE void forwardTile(const ForwardHead& h, int64_t t0) {
    const int64_t n = t0 + M;
    float* p = h.probs + t0 * h.T;
    dotColumns<V, M>(h.q.data + t0 * h.q.stride, h.q.stride, h.kColumns, h.T, h.D, n, p, h.T);  // raw scores
    for (int i = 0; i < M; ++i) rowSoftmax(p + i * h.T, t0 + i + 1, h.T, h.scale, p + i * h.T);  // 0 past the diagonal
    weightedRowSums<V, M>(p, h.T, h.v, n, h.D, h.y + t0 * h.yStride, h.yStride);
}

struct BackwardHead {
    HeadRows q, k, dy;
    const float* vColumns;  // [D, T]
    const float* probs;     // [T, T]
    int64_t T, D;
    float scale;
    float* dq;
    float* dk;
    float* dv;
    float* dScores;  // [M, T]
};

template <typename V, int M>
RLHF_INLINE void backwardTile(const BackwardHead& h, int64_t t0) {
    const int64_t n = t0 + M;
    const float* p = h.probs + t0 * h.T;
    const float* dy = h.dy.data + t0 * h.dy.stride;
    addWeightedToRows<V, M>(p, h.T, dy, h.dy.stride, n, h.D, h.dv);                 // dv_j += p_tj dy_t
    dotColumns<V, M>(dy, h.dy.stride, h.vColumns, h.T, h.D, n, h.dScores, h.T);      // dp_tj = dy_t . v_j
    for (int i = 0; i < M; ++i)  // ds_tj = scale p_tj (dp_tj - sum_j p dp), 0 past the diagonal
        rowSoftmaxBackward(p + i * h.T, h.dScores + i * h.T, t0 + i + 1, n, h.scale, h.dScores + i * h.T);
    weightedRowSums<V, M>(h.dScores, h.T, h.k, n, h.D, h.dq + t0 * h.D, h.D);       // dq_t = sum_j ds_tj k_j
    addWeightedToRows<V, M>(h.dScores, h.T, h.q.data + t0 * h.q.stride, h.q.stride, n, h.D, h.dk);  // dk_j += ds_tj q_t
}

template <typename V>
RLHF_INLINE void causalAttentionForwardLanes(HeadRows q, HeadRows k, HeadRows v, int64_t T, int64_t D, float scale,
                                             float* probs, float* y, int64_t yStride, float* scratch) {
    transpose(k, T, D, scratch);
    const ForwardHead head{q, v, scratch, T, D, scale, probs, y, yStride};
    int64_t t0 = 0;
    for (; t0 + 4 <= T; t0 += 4) forwardTile<V, 4>(head, t0);
    switch (T - t0) {
    case 3: forwardTile<V, 3>(head, t0); break;
    case 2: forwardTile<V, 2>(head, t0); break;
    case 1: forwardTile<V, 1>(head, t0); break;
    default: break;
    }
}

template <typename V>
RLHF_INLINE void causalAttentionBackwardLanes(HeadRows q, HeadRows k, HeadRows v, HeadRows dy, const float* probs,
                                              int64_t T, int64_t D, float scale, float* dq, float* dk, float* dv,
                                              float* scratch) {
    transpose(v, T, D, scratch);
    std::fill(dk, dk + T * D, 0.0f);
    std::fill(dv, dv + T * D, 0.0f);
    const BackwardHead head{q, k, dy, scratch, probs, T, D, scale, dq, dk, dv, scratch + D * T};
    int64_t t0 = 0;
    for (; t0 + 4 <= T; t0 += 4) backwardTile<V, 4>(head, t0);
    switch (T - t0) {
    case 3: backwardTile<V, 3>(head, t0); break;
    case 2: backwardTile<V, 2>(head, t0); break;
    case 1: backwardTile<V, 1>(head, t0); break;
    default: break;
    }
}

}  // namespace

RLHF_VECTOR_KERNEL(void, causalAttentionForward,
                   (HeadRows q, HeadRows k, HeadRows v, int64_t T, int64_t D, float scale, float* probs, float* y,
                    int64_t yStride, float* scratch),
                   (q, k, v, T, D, scale, probs, y, yStride, scratch))
RLHF_VECTOR_KERNEL(void, causalAttentionBackward,
                   (HeadRows q, HeadRows k, HeadRows v, HeadRows dy, const float* probs, int64_t T, int64_t D,
                    float scale, float* dq, float* dk, float* dv, float* scratch),
                   (q, k, v, dy, probs, T, D, scale, dq, dk, dv, scratch))

}  // namespace rlhf::model::cpu
