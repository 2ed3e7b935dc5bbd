#include "train/EpochOrder.h"

#include <algorithm>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace rlhf::train {

EpochOrder::EpochOrder(size_t rows, uint64_t seed) : rows_(rows), shuffler_(seed) {
    if (rows == 0) throw std::invalid_argument("an epoch order needs rows");
}

void EpochOrder::startEpoch() {
    std::ostringstream state;
    state << shuffler_;
    shufflerAtEpochStart_ = state.str();
    order_.resize(rows_);
    std::iota(order_.begin(), order_.end(), size_t(0));
    std::shuffle(order_.begin(), order_.end(), shuffler_);
    cursor_ = 0;
    ++epoch_;
}

std::vector<size_t> EpochOrder::next(size_t n) {
    std::vector<size_t> picked;
    while (picked.size() < n) {
        if (epoch_ == 0 || cursor_ == order_.size()) startEpoch();
        picked.push_back(order_[cursor_++]);
    }
    taken_ += static_cast<int64_t>(n);
    return picked;
}

double EpochOrder::epochsSeen() const { return static_cast<double>(taken_) / static_cast<double>(rows_); }

nlohmann::json EpochOrder::state() const {
    return {{"rows", rows_}, {"shuffler", shufflerAtEpochStart_}, {"epoch", epoch_}, {"cursor", cursor_}, {"taken", taken_}};
}

void EpochOrder::restore(const nlohmann::json& state) {
    if (state.value("rows", size_t(0)) != rows_)
        throw std::invalid_argument("the saved order is of " + std::to_string(state.value("rows", size_t(0))) +
                                    " rows, this run has " + std::to_string(rows_));
    epoch_ = state.value("epoch", int64_t(0));
    if (epoch_ > 0) {
        std::istringstream(state.value("shuffler", std::string())) >> shuffler_;
        startEpoch();  // the same shuffle as the saved epoch's, leaving the shuffler where it was
        epoch_ = state.value("epoch", int64_t(0));
        cursor_ = state.value("cursor", size_t(0));
    }
    taken_ = state.value("taken", int64_t(0));
}

}  // namespace rlhf::train
