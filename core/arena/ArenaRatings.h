#pragma once
// Chatbot Arena's two leaderboards over pairwise battles (docs/arena.md):
//   elo_online  every model starts at 1000; battles in time order; K = 4, scale 400, base 10; a tie of
//               either kind scores ½ each.
//   bt_rating   the Bradley–Terry maximum-likelihood fit, P(a beats b) = 1 / (1 + 10^((R_b − R_a)/400)),
//               a tie of either kind half a win for each side, ratings centred on a mean of 1000. Where
//               the unpenalised maximum does not exist (a model never beaten, or groups never compared in
//               both directions) a negligible ridge keeps the ratings finite, and the result says so.
//   ci_low/high the 2.5th and 97.5th percentiles (linear interpolation) of bt_rating over bootstrap
//               resamples of the battles, seeded.

#include <cstdint>
#include <string>
#include <vector>

namespace rlhf::arena {

enum class Winner { A, B, Tie, BothBad };

struct Battle {
    int a = 0, b = 0;  // model indexes
    Winner winner = Winner::Tie;
};

struct BradleyTerry {
    std::vector<double> ratings;  // per model, mean 1000
    bool ridge = false;           // the unpenalised maximum did not exist
};

std::vector<double> eloOnline(const std::vector<Battle>& battlesInTimeOrder, int models, double k = 4, double scale = 400,
                              double base = 10, double initial = 1000);

BradleyTerry bradleyTerry(const std::vector<Battle>& battles, int models);

struct RatingInterval {
    double low = 0, high = 0;
};

// `rounds` resamples of the battles (with replacement, as many as there are), seeded.
std::vector<RatingInterval> bootstrapIntervals(const std::vector<Battle>& battles, int models, int rounds, uint64_t seed);

// Linear interpolation between order statistics (numpy's and pandas' default); `values` sorted.
double percentile(const std::vector<double>& sortedValues, double q);

}  // namespace rlhf::arena
