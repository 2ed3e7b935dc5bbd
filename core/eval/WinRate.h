#pragma once
// Win rate of a model against a baseline over paired outcomes (1 win, ½ tie, 0 loss) with its 95 %
// Wilson score interval, ties counting half: p̂ = (wins + ties/2) / n,
//   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),  z = 1.959964.
// `rlhf eval`, `rlhf demo run` and the Pipeline board report it in this form.

#include <cstdint>
#include <vector>

namespace rlhf::eval {

struct WinRate {
    int64_t wins = 0, ties = 0, losses = 0;
    double rate = 0, ciLow = 0, ciHigh = 0;  // all 0 when there are no outcomes
};

// outcomes: 1, 0.5 or 0 each.
WinRate winRateOf(const std::vector<double>& outcomes);
// Per item: 1 where scores[i] beats baseline[i], ½ for equal scores, 0 where it loses.
std::vector<double> pairedOutcomes(const std::vector<double>& scores, const std::vector<double>& baseline);
double meanOf(const std::vector<double>& values);  // 0 for none
// The Wilson interval of p̂ over n trials (n > 0).
void wilsonInterval(double p, double n, double& low, double& high);

}  // namespace rlhf::eval
