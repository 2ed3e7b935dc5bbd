#include "labelling/Judgement.h"

#include <algorithm>

namespace rlhf::labelling {

bool Judgement::sameAs(const Judgement& o) const {
    return labeller == o.labeller && ranking == o.ranking && unrankable == o.unrankable && flags == o.flags &&
           rationale == o.rationale && ratings == o.ratings && guideline == o.guideline && shown == o.shown;
}

std::vector<int> Judgement::ranksOf(int k) const {
    std::vector<int> ranks(static_cast<size_t>(k), 0);
    for (size_t g = 0; g < ranking.size(); ++g)
        for (int i : ranking[g]) ranks[static_cast<size_t>(i)] = static_cast<int>(g) + 1;
    return ranks;
}

void canonicalise(Judgement& j) {
    for (auto& group : j.ranking) std::sort(group.begin(), group.end());
}

Judgement reindexed(const Judgement& j, const std::vector<int>& newIndexOf) {
    Judgement out = j;
    for (auto& group : out.ranking)
        for (int& i : group) i = newIndexOf[static_cast<size_t>(i)];
    if (!j.ratings.empty())
        for (size_t i = 0; i < j.ratings.size(); ++i) out.ratings[static_cast<size_t>(newIndexOf[i])] = j.ratings[i];
    if (!j.shown.empty())
        for (size_t i = 0; i < j.shown.size(); ++i) out.shown[static_cast<size_t>(newIndexOf[i])] = j.shown[i];
    canonicalise(out);
    return out;
}

}  // namespace rlhf::labelling
