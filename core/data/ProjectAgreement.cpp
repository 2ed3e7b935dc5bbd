#include "data/ProjectAgreement.h"

#include <algorithm>
#include <set>

#include "data/RankingStore.h"

namespace rlhf::data {

labelling::AgreementReport projectAgreement(Database& db, const AgreementFilter& filter) {
    const auto kept = [&](const labelling::Judgement& j) {
        return (filter.labellers.empty() || std::find(filter.labellers.begin(), filter.labellers.end(), j.labeller) != filter.labellers.end()) &&
               (filter.guideline.empty() || j.guideline == filter.guideline);
    };
    std::vector<labelling::AgreementUnit> units;
    std::set<std::string> labellers;
    RankingStore(db).forEachItem([&](const LabelItem& item, const std::vector<labelling::Judgement>& judgements) {
        std::vector<labelling::Judgement> chosen;
        for (const auto& j : judgements)
            if (kept(j)) chosen.push_back(j), labellers.insert(j.labeller);
        labelling::addItemUnits(static_cast<int>(item.responses.size()), chosen, units);
    });
    return labelling::computeAgreement(units, {labellers.begin(), labellers.end()});
}

std::vector<std::string> judgedGuidelineVersions(Database& db) {
    std::vector<std::string> versions;
    auto q = db.prepare("SELECT guideline_version FROM rankings WHERE guideline_version <> '' GROUP BY guideline_version ORDER BY min(id)");
    while (q.step()) versions.push_back(q.columnText(0));
    return versions;
}

}  // namespace rlhf::data
