#include "runs/RewardEvaluation.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace rlhf::widgets {

std::vector<EvaluatedPair> parseEvaluation(const std::string& jsonLines) {
    std::vector<EvaluatedPair> out;
    std::istringstream in(jsonLines);
    int lineNumber = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNumber;
        if (line.empty()) continue;
        try {
            const auto j = nlohmann::json::parse(line);
            out.push_back({j.value("step", int64_t(0)), j.value("prompt_id", int64_t(0)), j.at("prompt").get<std::string>(),
                           j.at("chosen").get<std::string>(), j.at("rejected").get<std::string>(),
                           j.at("chosen_reward").get<double>(), j.at("rejected_reward").get<double>()});
        } catch (const nlohmann::json::exception& e) {
            throw std::invalid_argument("evaluation.jsonl line " + std::to_string(lineNumber) + ": " + e.what());
        }
    }
    return out;
}

std::vector<Bin> histogram(const std::vector<double>& values, double low, double high, int bins) {
    std::vector<Bin> out(static_cast<size_t>(std::max(1, bins)));
    const double width = (high - low) / static_cast<double>(out.size());
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].low = low + width * static_cast<double>(i);
        out[i].high = out[i].low + width;
        out[i].x = out[i].low + width / 2;
    }
    for (double v : values) {
        if (v < low || v > high || width <= 0) continue;
        const size_t i = std::min(out.size() - 1, static_cast<size_t>((v - low) / width));
        ++out[i].count;
        out[i].y = static_cast<double>(out[i].count);
    }
    return out;
}

std::vector<Bin> accuracyByMargin(const std::vector<EvaluatedPair>& pairs, int bins) {
    double top = 0;
    for (const auto& p : pairs) top = std::max(top, std::abs(p.margin()));
    std::vector<double> sizes;
    for (const auto& p : pairs) sizes.push_back(std::abs(p.margin()));
    std::vector<Bin> out = histogram(sizes, 0, top > 0 ? top : 1, bins);
    std::vector<int64_t> right(out.size(), 0);
    const double width = out.front().high - out.front().low;
    for (const auto& p : pairs) {
        const size_t i = std::min(out.size() - 1, static_cast<size_t>(std::abs(p.margin()) / width));
        if (p.margin() > 0) ++right[i];
    }
    for (size_t i = 0; i < out.size(); ++i) out[i].y = out[i].count ? double(right[i]) / double(out[i].count) : 0.0;
    return out;
}

std::vector<Bin> calibration(const std::vector<EvaluatedPair>& pairs, int bins) {
    const size_t n = static_cast<size_t>(std::max(1, bins));
    std::vector<double> predicted(n, 0), observed(n, 0);
    std::vector<int64_t> counts(n, 0);
    auto add = [&](double p, double outcome) {
        const size_t i = std::min(n - 1, static_cast<size_t>(p * static_cast<double>(n)));
        predicted[i] += p;
        observed[i] += outcome;
        ++counts[i];
    };
    for (const auto& pair : pairs) {
        const double p = 1 / (1 + std::exp(-pair.margin()));
        add(p, 1);
        add(1 - p, 0);
    }
    std::vector<Bin> out;
    for (size_t i = 0; i < n; ++i)
        if (counts[i] > 0)
            out.push_back({double(i) / double(n), double(i + 1) / double(n), predicted[i] / double(counts[i]),
                           observed[i] / double(counts[i]), counts[i]});
    return out;
}

double expectedCalibrationError(const std::vector<Bin>& bins) {
    double total = 0, error = 0;
    for (const auto& b : bins) total += double(b.count);
    for (const auto& b : bins) error += total > 0 ? double(b.count) / total * std::abs(b.y - b.x) : 0.0;
    return error;
}

std::vector<EvaluatedPair> mostWrong(std::vector<EvaluatedPair> pairs, size_t n) {
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.margin() < b.margin(); });
    if (pairs.size() > n) pairs.resize(n);
    return pairs;
}

}  // namespace rlhf::widgets
