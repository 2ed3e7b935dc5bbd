#pragma once
// The order a fine-tuning run visits its rows: a seeded shuffle per epoch, taken n at a time across epoch
// ends, and a state that a checkpoint saves so a resumed run takes the same rows next.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rlhf::train {

class EpochOrder {
public:
    EpochOrder(size_t rows, uint64_t seed);

    std::vector<size_t> next(size_t n);  // the next n row indices
    double epochsSeen() const;           // rows taken / rows

    nlohmann::json state() const;
    void restore(const nlohmann::json& state);  // throws std::invalid_argument for a state of another run

private:
    void startEpoch();

    size_t rows_;
    std::mt19937_64 shuffler_;
    std::string shufflerAtEpochStart_;  // shuffler_ before this epoch's shuffle
    std::vector<size_t> order_;         // this epoch's
    size_t cursor_ = 0;                 // next index into order_
    int64_t epoch_ = 0;                 // epochs started
    int64_t taken_ = 0;
};

}  // namespace rlhf::train
