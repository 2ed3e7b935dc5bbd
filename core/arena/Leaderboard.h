#pragma once
// The arena leaderboard as `rlhf arena` prints it and the Chat panel's Leaderboard tab shows it: per model
// both ratings, the bootstrap interval and the battle record, sorted by bt_rating (highest first), and the
// win-rate matrix (docs/arena.md).

#include <cstdint>
#include <string>
#include <vector>

#include "arena/ArenaRatings.h"

namespace rlhf::arena {

struct LeaderboardRow {
    std::string model;
    double eloOnline = 0, btRating = 0, ciLow = 0, ciHigh = 0;
    int64_t battles = 0, wins = 0, losses = 0, ties = 0;  // ties: both kinds
};

struct Leaderboard {
    std::vector<LeaderboardRow> rows;  // by bt_rating, highest first (a stable sort: equal ratings keep model order)
    bool ridge = false;                // see BradleyTerry::ridge
    size_t battles = 0;
};

// `models` names the indexes of `battlesInTimeOrder`.
Leaderboard computeLeaderboard(const std::vector<std::string>& models, const std::vector<Battle>& battlesInTimeOrder, int rounds,
                               uint64_t seed);

// rate[i][j]: the share of i's battles against j that i won, a tie of either kind counting half; -1 where
// they never met (and on the diagonal). Indexes as in `models` of computeLeaderboard.
std::vector<std::vector<double>> winRateMatrix(const std::vector<Battle>& battles, int models);
// met[i][j]: how many battles i and j fought (either side). Indexes as above.
std::vector<std::vector<int>> battleCounts(const std::vector<Battle>& battles, int models);

}  // namespace rlhf::arena
