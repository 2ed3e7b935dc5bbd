#pragma once
// Inter-labeller agreement over K-way rankings (docs/labelling.md has the definitions and a worked
// example). A unit is an (item, pair of its responses) with values from at least two labellers; the pair
// is taken in the item's order (i < j); a labeller's value is +1 (i ranked better), −1 (worse) or 0 (tie);
// all-bad judgements give no values. A statistic whose expected disagreement is 0 is empty (null).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "labelling/Judgement.h"

namespace rlhf::labelling {

struct AgreementUnit {
    std::map<std::string, int> values;  // labeller -> -1, 0 or +1
};

struct CohenKappa {
    std::string a, b;                   // a < b by name
    int64_t n = 0;                      // common units (at least 2)
    std::optional<double> kappa;
};

struct LabellerAgreement {
    std::string labeller;
    std::optional<double> agreementWithOthers;  // agreeing over all (unit, other labeller) combinations
};

struct AgreementReport {
    int64_t units = 0;
    std::optional<double> percentAgreement;     // agreeing (unit, labeller pair) combinations over all
    std::vector<CohenKappa> cohenKappa;         // unweighted, categories −1/0/+1, by (a, b)
    std::optional<double> fleissKappa;          // only when every unit has the same number of values
    std::optional<double> alphaNominal, alphaOrdinal;
    std::vector<LabellerAgreement> labellers;   // by name
};

// Adds the units of one item of `k` responses judged by `judgements` (one per labeller).
void addItemUnits(int k, const std::vector<Judgement>& judgements, std::vector<AgreementUnit>& units);

// `labellers`: everyone to list (those without a shared unit get null).
AgreementReport computeAgreement(const std::vector<AgreementUnit>& units, const std::vector<std::string>& labellers);

// Krippendorff's alpha for units given as their pairable values (units with fewer than two values are
// ignored); ordinal ranks the distinct values by size. Empty when the expected disagreement is 0.
std::optional<double> krippendorffAlpha(const std::vector<std::vector<int>>& units, bool ordinal);

// Fleiss' kappa for units that each have the same number (at least 2) of values; empty otherwise or when
// the expected agreement is 1.
std::optional<double> fleissKappa(const std::vector<std::vector<int>>& units);

}  // namespace rlhf::labelling
