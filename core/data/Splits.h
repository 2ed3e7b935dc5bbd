#pragma once
// Train / validation / test assignment per prompt: a pure function of the prompt's content hash, the
// project's seed and the ratios, so it is stable across re-runs and import order, and a prompt can
// never sit in two splits.
#include <array>
#include <cstdint>
#include <string>

#include "data/Database.h"

namespace rlhf::data {

struct SplitRatios {
    std::array<double, 3> values{0.9, 0.05, 0.05};  // train, validation, test; normalised when used
};

const char* splitFor(uint64_t promptHash, uint64_t seed, const SplitRatios& ratios);
// How many of n prompts each split gets: ⌊n·ratio⌋ each, the prompts left over to the largest remainders
// (ties to the earlier split), so each count is within one prompt of its share and they add up to n.
std::array<int64_t, 3> splitCounts(int64_t n, const SplitRatios& ratios);
// "0.8,0.1,0.1" -> ratios; throws std::invalid_argument naming the problem.
SplitRatios parseSplitRatios(const std::string& text);

// The project's seed and ratios (settings table): every code path that assigns a split reads these.
struct SplitSettings {
    uint64_t seed = 0;
    SplitRatios ratios;
};
SplitSettings readSplitSettings(Database& db);
void writeSplitSettings(Database& db, const SplitSettings& settings);  // inside the caller's transaction

}  // namespace rlhf::data
