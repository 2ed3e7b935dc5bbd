#include "runs/CurveMath.h"

#include <cmath>

namespace rlhf::widgets {

std::vector<CurvePoint> emaSmooth(const std::vector<CurvePoint>& points, double weight) {
    if (weight <= 0) return points;
    std::vector<CurvePoint> out;
    out.reserve(points.size());
    double last = 0;
    int counted = 0;
    for (const CurvePoint& p : points) {
        if (!std::isfinite(p.y)) {
            out.push_back(p);
            continue;
        }
        last = last * weight + (1 - weight) * p.y;
        ++counted;
        out.push_back({p.x, last / (1 - std::pow(weight, counted))});
    }
    return out;
}

std::vector<CurvePoint> decimateMinMax(const std::vector<CurvePoint>& points, int buckets) {
    if (buckets < 1 || points.size() <= static_cast<size_t>(2 * buckets + 2)) return points;
    const double x0 = points.front().x, span = points.back().x - x0;
    if (span <= 0) return {points.front(), points.back()};
    std::vector<CurvePoint> out;
    out.reserve(static_cast<size_t>(2 * buckets + 2));
    out.push_back(points.front());
    size_t i = 1;
    const size_t end = points.size() - 1;
    for (int b = 0; b < buckets && i < end; ++b) {
        const double limit = x0 + span * (b + 1) / buckets;
        size_t low = i, high = i;
        for (; i < end && (points[i].x <= limit || b == buckets - 1); ++i) {
            if (points[i].y < points[low].y) low = i;
            if (points[i].y > points[high].y) high = i;
        }
        if (high == low && i > low) out.push_back(points[low]);
        else if (i > low) {
            out.push_back(points[std::min(low, high)]);
            out.push_back(points[std::max(low, high)]);
        }
    }
    out.push_back(points.back());
    return out;
}

}  // namespace rlhf::widgets
