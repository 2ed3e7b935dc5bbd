#include "arena/ArenaRatings.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace rlhf::arena {

namespace {

constexpr double kRidge = 1e-6;  // per squared natural-log unit: negligible, only where the maximum does not exist

double winsOfA(Winner w) { return w == Winner::A ? 1.0 : w == Winner::B ? 0.0 : 0.5; }

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// wins[i][j]: how much i beat j (ties half each); games[i][j]: battles between them.
struct PairCounts {
    std::vector<std::vector<double>> wins, games;
    explicit PairCounts(int m) : wins(m, std::vector<double>(m, 0.0)), games(m, std::vector<double>(m, 0.0)) {}
};

PairCounts countPairs(const std::vector<Battle>& battles, int m) {
    PairCounts c(m);
    for (const auto& b : battles) {
        if (b.a == b.b) continue;
        const double s = winsOfA(b.winner);
        c.wins[b.a][b.b] += s;
        c.wins[b.b][b.a] += 1 - s;
        c.games[b.a][b.b] += 1;
        c.games[b.b][b.a] += 1;
    }
    return c;
}

// The unpenalised maximum exists when every model can be reached from every other along "beat (at least
// half of a tie)" edges: the win graph is strongly connected (Zermelo 1929, Ford 1957).
bool maximumExists(const PairCounts& c, const std::vector<int>& present) {
    const auto reachesAll = [&](bool forward) {
        std::vector<bool> seen(c.wins.size(), false);
        std::vector<int> stack = {present.front()};
        seen[static_cast<size_t>(present.front())] = true;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            for (int j : present)
                if (!seen[static_cast<size_t>(j)] && (forward ? c.wins[i][j] : c.wins[j][i]) > 0) {
                    seen[static_cast<size_t>(j)] = true;
                    stack.push_back(j);
                }
        }
        return std::all_of(present.begin(), present.end(), [&](int i) { return seen[static_cast<size_t>(i)]; });
    };
    return reachesAll(true) && reachesAll(false);
}

// Solves a·x = b by Gaussian elimination with partial pivoting (a is n×n, small).
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
    const size_t n = b.size();
    for (size_t col = 0; col < n; ++col) {
        size_t pivot = col;
        for (size_t r = col + 1; r < n; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (size_t r = col + 1; r < n; ++r) {
            const double f = a[r][col] / a[col][col];
            for (size_t k = col; k < n; ++k) a[r][k] -= f * a[col][k];
            b[r] -= f * b[col];
        }
    }
    std::vector<double> x(n, 0.0);
    for (size_t i = n; i-- > 0;) {
        double s = b[i];
        for (size_t k = i + 1; k < n; ++k) s -= a[i][k] * x[k];
        x[i] = s / a[i][i];
    }
    return x;
}

// Newton's method on the (ridge-penalised) negative log-likelihood in natural-log units over the models
// present; the mean stays 0 (the gradient sums to 0), so H + 11ᵀ/n is solved instead of the singular H.
std::vector<double> fitStrengths(const PairCounts& c, const std::vector<int>& present, double ridge) {
    const size_t n = present.size();
    std::vector<double> theta(n, 0.0);
    const auto objective = [&](const std::vector<double>& t) {
        double f = 0;
        for (size_t i = 0; i < n; ++i) {
            f += 0.5 * ridge * t[i] * t[i];
            for (size_t j = 0; j < n; ++j) {
                const double w = c.wins[present[i]][present[j]];
                if (w > 0) f -= w * std::log(sigmoid(t[i] - t[j]));
            }
        }
        return f;
    };
    for (int iteration = 0; iteration < 200; ++iteration) {
        std::vector<double> g(n, 0.0);
        std::vector<std::vector<double>> h(n, std::vector<double>(n, 1.0 / static_cast<double>(n)));
        for (size_t i = 0; i < n; ++i) {
            g[i] = ridge * theta[i];
            h[i][i] += ridge;
            for (size_t j = 0; j < n; ++j) {
                const double games = c.games[present[i]][present[j]];
                if (i == j || games == 0) continue;
                const double p = sigmoid(theta[i] - theta[j]);
                g[i] += games * p - c.wins[present[i]][present[j]];
                h[i][i] += games * p * (1 - p);
                h[i][j] -= games * p * (1 - p);
            }
        }
        double largest = 0;
        for (double x : g) largest = std::max(largest, std::abs(x));
        if (largest < 1e-10) break;
        for (double& x : g) x = -x;
        const std::vector<double> step = solve(h, g);
        const double before = objective(theta);
        double scale = 1.0;
        std::vector<double> next(n);
        for (int halvings = 0; halvings < 40; ++halvings, scale /= 2) {  // backtracking: never uphill
            for (size_t i = 0; i < n; ++i) next[i] = theta[i] + scale * step[i];
            if (objective(next) <= before + 1e-15) break;
        }
        theta = next;
    }
    return theta;
}

}  // namespace

std::vector<double> eloOnline(const std::vector<Battle>& battles, int models, double k, double scale, double base, double initial) {
    std::vector<double> r(static_cast<size_t>(models), initial);
    for (const auto& b : battles) {
        double& ra = r[static_cast<size_t>(b.a)];
        double& rb = r[static_cast<size_t>(b.b)];
        const double expectedA = 1.0 / (1.0 + std::pow(base, (rb - ra) / scale));
        const double scoreA = winsOfA(b.winner);
        ra += k * (scoreA - expectedA);
        rb += k * ((1 - scoreA) - (1 - expectedA));
    }
    return r;
}

BradleyTerry bradleyTerry(const std::vector<Battle>& battles, int models) {
    BradleyTerry out;
    out.ratings.assign(static_cast<size_t>(models), 1000.0);
    const PairCounts c = countPairs(battles, models);
    std::vector<int> present;
    for (int i = 0; i < models; ++i)
        if (std::any_of(c.games[i].begin(), c.games[i].end(), [](double g) { return g > 0; })) present.push_back(i);
    if (present.size() < 2) return out;
    out.ridge = !maximumExists(c, present);
    const auto theta = fitStrengths(c, present, out.ridge ? kRidge : 0.0);
    double mean = 0;
    for (double t : theta) mean += t;
    mean /= static_cast<double>(theta.size());
    for (size_t i = 0; i < present.size(); ++i)
        out.ratings[static_cast<size_t>(present[i])] = 1000.0 + 400.0 / std::log(10.0) * (theta[i] - mean);
    return out;
}

double percentile(const std::vector<double>& v, double q) {
    if (v.empty()) return 0;
    const double position = q * static_cast<double>(v.size() - 1);
    const size_t below = static_cast<size_t>(std::floor(position));
    const size_t above = std::min(below + 1, v.size() - 1);
    return v[below] + (position - static_cast<double>(below)) * (v[above] - v[below]);
}

std::vector<RatingInterval> bootstrapIntervals(const std::vector<Battle>& battles, int models, int rounds, uint64_t seed) {
    std::vector<std::vector<double>> samples(static_cast<size_t>(models));
    uint64_t state = seed;
    const auto next = [&state] {  // splitmix64: the same resamples on every machine
        uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    };
    std::vector<Battle> resample(battles.size());
    for (int r = 0; r < rounds && !battles.empty(); ++r) {
        for (auto& b : resample) b = battles[next() % battles.size()];
        const auto fit = bradleyTerry(resample, models);
        for (int m = 0; m < models; ++m) samples[static_cast<size_t>(m)].push_back(fit.ratings[static_cast<size_t>(m)]);
    }
    std::vector<RatingInterval> out;
    for (auto& s : samples) {
        std::sort(s.begin(), s.end());
        out.push_back({percentile(s, 0.025), percentile(s, 0.975)});
    }
    return out;
}

}  // namespace rlhf::arena
