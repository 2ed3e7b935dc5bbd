#pragma once
// One labeller's judgement of one item (a prompt with K responses), in the item's order (docs/formats.md,
// "rankings"): tie groups best first, or "unrankable" (all bad); flags, a rationale, optional 1–7 ratings,
// the guideline version it was made under, and where each response was shown.

#include <optional>
#include <string>
#include <vector>

namespace rlhf::labelling {

struct Judgement {
    std::string labeller;
    std::vector<std::vector<int>> ranking;      // tie groups, best first, each sorted; empty when unrankable
    bool unrankable = false;
    std::vector<std::string> flags;
    std::string rationale;
    std::vector<std::optional<int>> ratings;    // empty, or one 1–7 or null per response
    std::string guideline;                      // the guideline version
    std::vector<int> shown;                     // empty, or the position each response was shown at
    double createdAt = 0;                       // Unix seconds
    std::optional<double> secondsTaken;

    // The same judgement: everything but the times.
    bool sameAs(const Judgement& other) const;
    // Rank of each of `k` responses: 1 = best, tied responses share one; 0 for every response when unrankable.
    std::vector<int> ranksOf(int k) const;
};

// Groups sorted within, flags in their order, nothing else changed.
void canonicalise(Judgement& judgement);

// The judgement with every response index i replaced by `newIndexOf[i]` (ranking, ratings, shown).
Judgement reindexed(const Judgement& judgement, const std::vector<int>& newIndexOf);

}  // namespace rlhf::labelling
