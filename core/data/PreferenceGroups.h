#pragma once
// A project's preferences grouped by what was judged together (architecture §5 reward model): an imported
// comparison is a group of two responses and one pair; a K-way ranking is a group of its K responses and
// every pair of them ranked apart (K·(K−1)/2 when there are no ties; an all-bad ranking gives no group).
// The reward model forwards a group's responses once and divides its loss by the group's pair count.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"
#include "data/JudgementSelection.h"

namespace rlhf::data {

struct PreferenceGroup {
    struct Pair {
        size_t better = 0, worse = 0;  // indices into responses
        std::optional<double> margin;  // imported comparisons may carry one
    };
    std::string prompt;
    std::vector<std::string> responses;
    std::vector<Pair> pairs;
    int64_t promptId = 0;  // the project's prompt (0 when unknown: a run directory of an older version)
};

// The groups of prompts in `split` ("train", "validation", "test"; empty: all): comparisons in the order
// they were imported, then rankings in the order they were made; only the judgements `selection` keeps.
std::vector<PreferenceGroup> readPreferenceGroups(Database& db, const std::string& split, const JudgementSelection& selection = {});

}  // namespace rlhf::data
