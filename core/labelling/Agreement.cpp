#include "labelling/Agreement.h"

#include <algorithm>
#include <set>

namespace rlhf::labelling {

namespace {

std::vector<std::vector<int>> valueLists(const std::vector<AgreementUnit>& units) {
    std::vector<std::vector<int>> out;
    for (const auto& u : units) {
        std::vector<int> values;
        for (const auto& [labeller, v] : u.values) values.push_back(v);
        out.push_back(std::move(values));
    }
    return out;
}

std::optional<double> percentAgreement(const std::vector<AgreementUnit>& units) {
    int64_t agree = 0, all = 0;
    for (const auto& u : units)
        for (auto a = u.values.begin(); a != u.values.end(); ++a)
            for (auto b = std::next(a); b != u.values.end(); ++b) {
                ++all;
                agree += a->second == b->second;
            }
    if (all == 0) return std::nullopt;
    return static_cast<double>(agree) / static_cast<double>(all);
}

std::optional<CohenKappa> cohenKappa(const std::vector<AgreementUnit>& units, const std::string& a, const std::string& b) {
    std::map<int, double> countA, countB;
    int64_t n = 0, agree = 0;
    for (const auto& u : units) {
        const auto va = u.values.find(a), vb = u.values.find(b);
        if (va == u.values.end() || vb == u.values.end()) continue;
        ++n;
        agree += va->second == vb->second;
        countA[va->second] += 1;
        countB[vb->second] += 1;
    }
    if (n < 2) return std::nullopt;
    const double po = static_cast<double>(agree) / static_cast<double>(n);
    double pe = 0;
    for (const auto& [category, count] : countA) pe += (count / static_cast<double>(n)) * (countB[category] / static_cast<double>(n));
    CohenKappa out{a, b, n, std::nullopt};
    if (1.0 - pe > 1e-12) out.kappa = (po - pe) / (1.0 - pe);
    return out;
}

std::optional<double> agreementWithOthers(const std::vector<AgreementUnit>& units, const std::string& labeller) {
    int64_t agree = 0, all = 0;
    for (const auto& u : units) {
        const auto mine = u.values.find(labeller);
        if (mine == u.values.end()) continue;
        for (const auto& [other, v] : u.values) {
            if (other == labeller) continue;
            ++all;
            agree += v == mine->second;
        }
    }
    if (all == 0) return std::nullopt;
    return static_cast<double>(agree) / static_cast<double>(all);
}

}  // namespace

void addItemUnits(int k, const std::vector<Judgement>& judgements, std::vector<AgreementUnit>& units) {
    std::vector<std::pair<std::string, std::vector<int>>> ranks;
    for (const auto& j : judgements)
        if (!j.unrankable) ranks.emplace_back(j.labeller, j.ranksOf(k));
    if (ranks.size() < 2) return;
    for (int i = 0; i < k; ++i)
        for (int x = i + 1; x < k; ++x) {
            AgreementUnit unit;
            for (const auto& [labeller, r] : ranks) {
                const int a = r[static_cast<size_t>(i)], b = r[static_cast<size_t>(x)];
                unit.values[labeller] = a < b ? 1 : a > b ? -1 : 0;
            }
            units.push_back(std::move(unit));
        }
}

std::optional<double> krippendorffAlpha(const std::vector<std::vector<int>>& units, bool ordinal) {
    std::set<int> distinct;
    for (const auto& u : units)
        if (u.size() >= 2) distinct.insert(u.begin(), u.end());
    const std::vector<int> categories(distinct.begin(), distinct.end());
    const size_t c = categories.size();
    auto indexOf = [&](int v) { return static_cast<size_t>(std::lower_bound(categories.begin(), categories.end(), v) - categories.begin()); };
    // Coincidence matrix: each ordered pair of values from different labellers in a unit, weighted 1/(m−1).
    std::vector<std::vector<double>> o(c, std::vector<double>(c, 0.0));
    for (const auto& u : units) {
        if (u.size() < 2) continue;
        const double w = 1.0 / static_cast<double>(u.size() - 1);
        for (size_t i = 0; i < u.size(); ++i)
            for (size_t j = 0; j < u.size(); ++j)
                if (i != j) o[indexOf(u[i])][indexOf(u[j])] += w;
    }
    std::vector<double> nc(c, 0.0);
    double n = 0;
    for (size_t i = 0; i < c; ++i)
        for (size_t j = 0; j < c; ++j) nc[i] += o[i][j], n += o[i][j];
    auto delta2 = [&](size_t a, size_t b) {
        if (a == b) return 0.0;
        if (!ordinal) return 1.0;
        const size_t lo = std::min(a, b), hi = std::max(a, b);
        double sum = 0;
        for (size_t g = lo; g <= hi; ++g) sum += nc[g];
        const double d = sum - (nc[lo] + nc[hi]) / 2.0;
        return d * d;
    };
    double observed = 0, expected = 0;
    for (size_t i = 0; i < c; ++i)
        for (size_t j = 0; j < c; ++j) {
            observed += o[i][j] * delta2(i, j);
            expected += nc[i] * nc[j] * delta2(i, j);
        }
    if (expected <= 1e-12) return std::nullopt;
    return 1.0 - (n - 1.0) * observed / expected;
}

std::optional<double> fleissKappa(const std::vector<std::vector<int>>& units) {
    if (units.empty()) return std::nullopt;
    const size_t m = units.front().size();
    if (m < 2) return std::nullopt;
    for (const auto& u : units)
        if (u.size() != m) return std::nullopt;
    std::map<int, double> total;
    double meanP = 0;
    for (const auto& u : units) {
        std::map<int, double> counts;
        for (int v : u) counts[v] += 1, total[v] += 1;
        double sumSquares = 0;
        for (const auto& [category, count] : counts) sumSquares += count * count;
        meanP += (sumSquares - static_cast<double>(m)) / static_cast<double>(m * (m - 1));
    }
    meanP /= static_cast<double>(units.size());
    double pe = 0;
    const double all = static_cast<double>(units.size() * m);
    for (const auto& [category, count] : total) pe += (count / all) * (count / all);
    if (1.0 - pe <= 1e-12) return std::nullopt;
    return (meanP - pe) / (1.0 - pe);
}

AgreementReport computeAgreement(const std::vector<AgreementUnit>& units, const std::vector<std::string>& labellers) {
    AgreementReport r;
    r.units = static_cast<int64_t>(units.size());
    r.percentAgreement = percentAgreement(units);
    std::vector<std::string> names = labellers;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (size_t a = 0; a < names.size(); ++a)
        for (size_t b = a + 1; b < names.size(); ++b)
            if (auto k = cohenKappa(units, names[a], names[b])) r.cohenKappa.push_back(*k);
    const auto lists = valueLists(units);
    r.fleissKappa = fleissKappa(lists);
    r.alphaNominal = krippendorffAlpha(lists, false);
    r.alphaOrdinal = krippendorffAlpha(lists, true);
    for (const auto& name : names) r.labellers.push_back({name, agreementWithOthers(units, name)});
    return r;
}

}  // namespace rlhf::labelling
