#include "arena/Leaderboard.h"

#include <algorithm>
#include <numeric>

namespace rlhf::arena {

Leaderboard computeLeaderboard(const std::vector<std::string>& models, const std::vector<Battle>& battles, int rounds, uint64_t seed) {
    const int m = static_cast<int>(models.size());
    Leaderboard board;
    board.battles = battles.size();
    if (battles.empty()) return board;
    const auto elo = eloOnline(battles, m);
    const auto bt = bradleyTerry(battles, m);
    const auto ci = bootstrapIntervals(battles, m, rounds, seed);
    board.ridge = bt.ridge;
    std::vector<LeaderboardRow> rows(models.size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = {models[i], elo[i], bt.ratings[i], ci[i].low, ci[i].high};
    for (const auto& b : battles) {
        auto& x = rows[static_cast<size_t>(b.a)];
        auto& y = rows[static_cast<size_t>(b.b)];
        ++x.battles, ++y.battles;
        if (b.winner == Winner::A) ++x.wins, ++y.losses;
        else if (b.winner == Winner::B) ++y.wins, ++x.losses;
        else ++x.ties, ++y.ties;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.btRating > y.btRating; });
    board.rows = std::move(rows);
    return board;
}

std::vector<std::vector<int>> battleCounts(const std::vector<Battle>& battles, int models) {
    const auto n = static_cast<size_t>(models);
    std::vector<std::vector<int>> met(n, std::vector<int>(n, 0));
    for (const auto& b : battles) {
        ++met[static_cast<size_t>(b.a)][static_cast<size_t>(b.b)];
        ++met[static_cast<size_t>(b.b)][static_cast<size_t>(b.a)];
    }
    return met;
}

std::vector<std::vector<double>> winRateMatrix(const std::vector<Battle>& battles, int models) {
    const auto n = static_cast<size_t>(models);
    std::vector<std::vector<double>> score(n, std::vector<double>(n, 0));
    for (const auto& b : battles) {
        const auto a = static_cast<size_t>(b.a), c = static_cast<size_t>(b.b);
        const double aScore = b.winner == Winner::A ? 1 : b.winner == Winner::B ? 0 : 0.5;
        score[a][c] += aScore;
        score[c][a] += 1 - aScore;
    }
    const auto met = battleCounts(battles, models);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) score[i][j] = met[i][j] > 0 ? score[i][j] / met[i][j] : -1;
    return score;
}

}  // namespace rlhf::arena
