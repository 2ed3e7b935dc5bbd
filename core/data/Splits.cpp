#include "data/Splits.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "data/ContentHash.h"

namespace rlhf::data {

const char* splitFor(uint64_t promptHash, uint64_t seed, const SplitRatios& r) {
    const double total = r.values[0] + r.values[1] + r.values[2];
    const double u = static_cast<double>(mix64(promptHash ^ mix64(seed + 0x9e3779b97f4a7c15ull)) >> 11) * 0x1.0p-53;
    if (u < r.values[0] / total) return "train";
    if (u < (r.values[0] + r.values[1]) / total) return "validation";
    return "test";
}

std::array<int64_t, 3> splitCounts(int64_t n, const SplitRatios& r) {
    const double total = r.values[0] + r.values[1] + r.values[2];
    std::array<int64_t, 3> counts{};
    std::array<double, 3> remainder{};
    int64_t given = 0;
    for (size_t i = 0; i < 3; ++i) {
        const double share = static_cast<double>(n) * r.values[i] / total;
        counts[i] = static_cast<int64_t>(std::floor(share));
        remainder[i] = share - static_cast<double>(counts[i]);
        given += counts[i];
    }
    for (; given < n; ++given) {
        const auto largest = std::max_element(remainder.begin(), remainder.end());
        ++counts[static_cast<size_t>(largest - remainder.begin())];
        *largest = -1;
    }
    return counts;
}

SplitRatios parseSplitRatios(const std::string& text) {
    SplitRatios r;
    std::istringstream in(text);
    std::string part;
    size_t i = 0;
    while (std::getline(in, part, ',')) {
        if (i >= 3) throw std::invalid_argument("split ratios: expected three numbers train,validation,test");
        try {
            r.values[i++] = std::stod(part);
        } catch (const std::exception&) {
            throw std::invalid_argument("split ratios: '" + part + "' is not a number");
        }
    }
    if (i != 3) throw std::invalid_argument("split ratios: expected three numbers train,validation,test");
    for (double v : r.values)
        if (v < 0) throw std::invalid_argument("split ratios must not be negative");
    if (r.values[0] + r.values[1] + r.values[2] <= 0) throw std::invalid_argument("split ratios must not all be zero");
    return r;
}

SplitSettings readSplitSettings(Database& db) {
    SplitSettings s;
    auto q = db.prepare("SELECT key, value FROM settings WHERE key IN ('split_seed', 'split_ratios')");
    while (q.step()) {
        const std::string value = q.columnText(1);
        if (q.columnText(0) == "split_seed") s.seed = std::stoull(value);
        else s.ratios = parseSplitRatios(value.substr(1, value.size() - 2));  // stored as "[a, b, c]"
    }
    return s;
}

void writeSplitSettings(Database& db, const SplitSettings& s) {
    std::ostringstream ratios;
    ratios << "[" << s.ratios.values[0] << ", " << s.ratios.values[1] << ", " << s.ratios.values[2] << "]";
    auto set = db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)");
    set.bind(1, std::string_view("split_seed")).bind(2, std::string_view(std::to_string(s.seed))).run();
    set.bind(1, std::string_view("split_ratios")).bind(2, std::string_view(ratios.str())).run();
}

}  // namespace rlhf::data
