#include "data/EvaluationRounds.h"

#include <algorithm>
#include <stdexcept>

#include "data/RankingStore.h"
#include "util/CommaList.h"

namespace rlhf::data {

namespace {

// A response two models both wrote names both: "sft-2, ppo-4".
std::vector<std::string> modelsIn(const std::string& origin) { return commaSeparatedNames(origin); }

// The position of `model`'s response in `item`, or -1.
int positionOf(const LabelItem& item, const std::string& model) {
    for (size_t i = 0; i < item.origins.size(); ++i) {
        const auto names = modelsIn(item.origins[i]);
        if (std::find(names.begin(), names.end(), model) != names.end()) return static_cast<int>(i);
    }
    return -1;
}

// The round's items, read once.
std::vector<LabelItem> roundItems(Database& db, const std::string& round) {
    std::vector<int64_t> ids;
    auto q = db.prepare("SELECT id FROM label_items WHERE round = ?1 ORDER BY id");
    q.bind(1, std::string_view(round));
    while (q.step()) ids.push_back(q.columnInt(0));
    std::vector<LabelItem> items;
    RankingStore store(db);
    for (int64_t id : ids) items.push_back(*store.item(id));
    return items;
}

std::vector<std::string> modelsOf(const std::vector<LabelItem>& items) {
    std::vector<std::string> models;
    for (const auto& item : items)
        for (const auto& origin : item.origins)
            for (const auto& name : modelsIn(origin))
                if (std::find(models.begin(), models.end(), name) == models.end()) models.push_back(name);
    return models;
}

}  // namespace

std::vector<std::string> evaluationRounds(Database& db) {
    std::vector<std::string> rounds;
    auto q = db.prepare("SELECT round FROM label_items WHERE round <> '' GROUP BY round ORDER BY min(id)");
    while (q.step()) rounds.push_back(q.columnText(0));
    return rounds;
}

std::vector<std::string> roundModels(Database& db, const std::string& round) { return modelsOf(roundItems(db, round)); }

RoundResults roundResults(Database& db, const std::string& round, const std::string& baseline) {
    const auto items = roundItems(db, round);
    const auto models = modelsOf(items);
    if (models.empty()) throw std::invalid_argument("no evaluation round '" + round + "' in " + db.path());
    RoundResults r{round, baseline.empty() ? models.front() : baseline, 0, 0, {}};
    if (std::find(models.begin(), models.end(), r.baseline) == models.end())
        throw std::invalid_argument("round '" + round + "' has no model '" + r.baseline + "'");
    std::vector<std::vector<double>> outcomes(models.size());
    RankingStore store(db);
    for (const LabelItem& item : items) {
        const auto judgements = store.judgementsOf(item.id);
        ++r.items;
        r.judgedItems += !judgements.empty();
        const int b = positionOf(item, r.baseline);
        for (const auto& j : judgements) {
            const auto ranks = j.ranksOf(static_cast<int>(item.responses.size()));
            for (size_t m = 0; m < models.size(); ++m) {
                const int p = positionOf(item, models[m]);
                if (models[m] == r.baseline || p < 0 || b < 0) continue;
                const int mine = ranks[static_cast<size_t>(p)], theirs = ranks[static_cast<size_t>(b)];
                outcomes[m].push_back(j.unrankable || mine == theirs ? 0.5 : mine < theirs ? 1.0 : 0.0);
            }
        }
    }
    std::vector<size_t> order(models.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](size_t i) { return models[i] == r.baseline; });
    for (size_t m : order) r.models.push_back({models[m], eval::winRateOf(outcomes[m]), static_cast<int64_t>(outcomes[m].size())});
    return r;
}

}  // namespace rlhf::data
