#include "eval/WinRate.h"

#include <algorithm>
#include <cmath>

namespace rlhf::eval {

void wilsonInterval(double p, double n, double& low, double& high) {
    constexpr double z = 1.959963984540054;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    low = std::max(0.0, centre - half);
    high = std::min(1.0, centre + half);
}

WinRate winRateOf(const std::vector<double>& outcomes) {
    WinRate w;
    for (double o : outcomes) (o > 0.75 ? w.wins : o < 0.25 ? w.losses : w.ties) += 1;
    if (outcomes.empty()) return w;
    const double n = static_cast<double>(outcomes.size());
    w.rate = (static_cast<double>(w.wins) + 0.5 * static_cast<double>(w.ties)) / n;
    wilsonInterval(w.rate, n, w.ciLow, w.ciHigh);
    return w;
}

std::vector<double> pairedOutcomes(const std::vector<double>& scores, const std::vector<double>& baseline) {
    std::vector<double> outcomes;
    for (size_t i = 0; i < scores.size(); ++i) outcomes.push_back(scores[i] > baseline[i] ? 1.0 : scores[i] < baseline[i] ? 0.0 : 0.5);
    return outcomes;
}

double meanOf(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

}  // namespace rlhf::eval
