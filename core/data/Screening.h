#pragma once
// The screening test (docs/labelling.md): gold items are items the gold labeller (settings
// screening_gold, "gold" by default) has judged — the known answers. A labeller's score is the share of
// their values on the gold items' response pairs (+1, −1, 0 as in Agreement.h) that equal gold's; they pass
// with a score of at least settings screening_threshold (0.75 by default) on at least one gold item.

#include <cstdint>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct ScreeningSettings {
    std::string goldLabeller = "gold";
    double threshold = 0.75;
};

struct ScreeningResult {
    std::string labeller;
    int64_t goldItems = 0, values = 0;  // gold items judged (not all bad), response pairs compared
    double score = 0;
    bool passed = false;
};

ScreeningSettings screeningSettings(Database& db);
void setScreeningSettings(Database& db, const ScreeningSettings& settings);

// Every labeller but gold, by name (those who judged no gold item have 0 items and did not pass).
std::vector<ScreeningResult> screeningResults(Database& db);

}  // namespace rlhf::data
