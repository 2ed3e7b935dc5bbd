#pragma once
// A project's preferences as (prompt, chosen, rejected) pairs: the imported comparisons, and the pairs a
// ranking implies (every response ranked above another, ties and all-bad rankings giving none), as the
// schema keeps ranking pairs derived rather than stored. What DPO and the reward model learn from.

#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"
#include "data/JudgementSelection.h"

namespace rlhf::data {

struct PreferencePair {
    std::string prompt, chosen, rejected;
    std::optional<double> margin;  // imported comparisons may carry one
};

// The pairs of prompts in `split` ("train", "validation", "test"; empty: all): comparisons in the order
// they were imported, then ranking pairs by ranking and rank; only the judgements `selection` keeps.
std::vector<PreferencePair> readPreferencePairs(Database& db, const std::string& split, const JudgementSelection& selection = {});

}  // namespace rlhf::data
