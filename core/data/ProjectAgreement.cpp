#include "data/ProjectAgreement.h"

#include <set>

#include "data/RankingStore.h"

namespace rlhf::data {

labelling::AgreementReport projectAgreement(Database& db) {
    std::vector<labelling::AgreementUnit> units;
    std::set<std::string> labellers;
    RankingStore(db).forEachItem([&](const LabelItem& item, const std::vector<labelling::Judgement>& judgements) {
        for (const auto& j : judgements) labellers.insert(j.labeller);
        labelling::addItemUnits(static_cast<int>(item.responses.size()), judgements, units);
    });
    return labelling::computeAgreement(units, {labellers.begin(), labellers.end()});
}

}  // namespace rlhf::data
