#pragma once
// A reward model's last evaluation (RUN/evaluation.jsonl: one validation pair a line, both rewards) and
// the numbers the Runs panel plots from it: the two reward distributions, accuracy against the reward
// margin, calibration of P(chosen) = σ(r_chosen − r_rejected), and the pairs it gets most wrong.

#include <cstdint>
#include <string>
#include <vector>

namespace rlhf::widgets {

struct EvaluatedPair {
    int64_t step = 0, promptId = 0;
    std::string prompt, chosen, rejected;
    double chosenReward = 0, rejectedReward = 0;
    double margin() const { return chosenReward - rejectedReward; }  // > 0: ranked as the labeller did
};

// Throws std::invalid_argument naming the line of anything that is not such a pair.
std::vector<EvaluatedPair> parseEvaluation(const std::string& jsonLines);

struct Bin {
    double low = 0, high = 0;  // [low, high)
    double x = 0;              // where it is drawn: its centre, or the mean prediction (calibration)
    double y = 0;              // a count, an accuracy or an observed frequency
    int64_t count = 0;
};

// `bins` equal bins over [low, high] (the last one closed) counting `values`.
std::vector<Bin> histogram(const std::vector<double>& values, double low, double high, int bins);

// Pairs binned by |margin| over [0, max |margin|]: y = the fraction ranked right (ties count as wrong).
std::vector<Bin> accuracyByMargin(const std::vector<EvaluatedPair>& pairs, int bins);

// Each pair seen both ways round, (σ(m), chosen) and (σ(−m), not chosen), binned by prediction over [0, 1]:
// x = mean prediction, y = observed frequency; empty bins are left out.
std::vector<Bin> calibration(const std::vector<EvaluatedPair>& pairs, int bins);

// Expected calibration error: Σ count/total × |y − x| over calibration()'s bins.
double expectedCalibrationError(const std::vector<Bin>& calibrationBins);

// The n pairs with the lowest margin (most confidently wrong first).
std::vector<EvaluatedPair> mostWrong(std::vector<EvaluatedPair> pairs, size_t n);

}  // namespace rlhf::widgets
