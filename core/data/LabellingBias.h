#pragma once
// Two biases a labelling team should watch (docs/labelling.md): position bias — how often the response
// shown at each position wins the pairs it is ranked apart in (judgements with recorded shown positions)
// — and length bias — chosen against rejected length over every preference pair (imported comparisons
// and the pairs rankings imply).

#include <cstdint>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct PositionWinRate {
    int position = 0;         // 0 = shown first
    int64_t wins = 0, losses = 0;
    double rate() const { return wins + losses > 0 ? static_cast<double>(wins) / static_cast<double>(wins + losses) : 0; }
};

struct LengthBias {
    int64_t pairs = 0;
    double chosenMeanChars = 0, rejectedMeanChars = 0;
    double chosenLongerFraction = 0;  // of pairs whose two lengths differ
};

struct LabellingBias {
    std::vector<PositionWinRate> positions;
    LengthBias length;
};

LabellingBias labellingBias(Database& db);

}  // namespace rlhf::data
