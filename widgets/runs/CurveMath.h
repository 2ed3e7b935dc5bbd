#pragma once
// The numbers a training curve shows, apart from drawing: TensorBoard's smoothing and a decimation that
// keeps a 100k-point curve smooth to draw without hiding its spikes.

#include <vector>

namespace rlhf::widgets {

struct CurvePoint {
    double x = 0, y = 0;
};

// TensorBoard's debiased exponential moving average: s_i = w s_{i-1} + (1 - w) y_i, divided by
// 1 - w^(i+1) so the first points are not pulled towards 0. weight 0 returns the points unchanged;
// non-finite values are kept as they are and do not enter the average.
std::vector<CurvePoint> emaSmooth(const std::vector<CurvePoint>& points, double weight);

// At most about 2 * buckets points: the x range is cut into `buckets` equal spans and each span keeps
// its lowest and highest point, in x order (with the first and last points). Fewer points come back as
// they are. Points must be sorted by x.
std::vector<CurvePoint> decimateMinMax(const std::vector<CurvePoint>& points, int buckets);

}  // namespace rlhf::widgets
