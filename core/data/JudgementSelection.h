#pragma once
// Which labellers' judgements a reward-model or DPO run learns from (docs/labelling.md), as run settings:
//   labellers         "ana,bo": only theirs ("" all)
//   guideline         "v2": only judgements made under that guideline version ("" any)
//   passed_screening  true: only labellers who passed the screening test (Screening.h), and the gold labeller
//   min_agreement     0.7: only labellers whose agreement with the others is at least this (0: no bound)
// Imported comparisons carry no labeller and are always kept.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/Database.h"

namespace rlhf::data {

struct JudgementSelection {
    std::string labellers, guideline;
    bool passedScreening = false;
    double minAgreement = 0;

    bool selectsLabellers() const { return !labellers.empty() || passedScreening || minAgreement > 0; }
    nlohmann::json toJson() const;
    static const std::set<std::string>& keys();
    // Moves the selection's keys out of `settings`; wrong types or ranges throw std::invalid_argument naming
    // the key and `origin`.
    static JudgementSelection takeFrom(nlohmann::json& settings, const std::string& origin);
};

// The labellers whose judgements `selection` keeps; nothing when it keeps everyone's.
std::optional<std::vector<int64_t>> selectedLabellerIds(Database& db, const JudgementSelection& selection);

// " AND k.labeller_id IN (…) AND k.guideline_version = '…'" for a query over rankings k; "" for everyone.
std::string rankingCondition(Database& db, const JudgementSelection& selection);

}  // namespace rlhf::data
