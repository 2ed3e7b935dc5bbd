#include "data/Screening.h"

#include <map>

#include <nlohmann/json.hpp>

#include "data/RankingStore.h"

namespace rlhf::data {

ScreeningSettings screeningSettings(Database& db) {
    ScreeningSettings s;
    auto q = db.prepare("SELECT key, value FROM settings WHERE key IN ('screening_gold', 'screening_threshold')");
    while (q.step()) {
        if (q.columnText(0) == "screening_gold") s.goldLabeller = q.columnText(1);
        else s.threshold = nlohmann::json::parse(q.columnText(1), nullptr, false).is_number()  // not std::stod: the GUI's locale may write 0,75
                               ? nlohmann::json::parse(q.columnText(1)).get<double>() : s.threshold;
    }
    return s;
}

void setScreeningSettings(Database& db, const ScreeningSettings& s) {
    auto put = db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)");
    put.bind(1, std::string_view("screening_gold")).bind(2, std::string_view(s.goldLabeller)).run();
    put.bind(1, std::string_view("screening_threshold")).bind(2, std::string_view(nlohmann::json(s.threshold).dump())).run();
}

std::vector<ScreeningResult> screeningResults(Database& db) {
    const ScreeningSettings settings = screeningSettings(db);
    std::map<std::string, ScreeningResult> results;
    for (const auto& name : RankingStore(db).labellers())
        if (name != settings.goldLabeller) results[name].labeller = name;
    std::map<std::string, int64_t> agreeing;
    RankingStore(db).forEachItem([&](const LabelItem& item, const std::vector<labelling::Judgement>& judgements) {
        const labelling::Judgement* gold = nullptr;
        for (const auto& j : judgements)
            if (j.labeller == settings.goldLabeller && !j.unrankable) gold = &j;
        if (!gold) return;
        const int k = static_cast<int>(item.responses.size());
        const auto goldRanks = gold->ranksOf(k);
        for (const auto& j : judgements) {
            if (&j == gold || j.unrankable || !results.count(j.labeller)) continue;
            auto& r = results[j.labeller];
            ++r.goldItems;
            const auto ranks = j.ranksOf(k);
            for (int a = 0; a < k; ++a)
                for (int b = a + 1; b < k; ++b) {
                    ++r.values;
                    const auto sign = [](int x, int y) { return x < y ? 1 : x > y ? -1 : 0; };
                    agreeing[j.labeller] += sign(ranks[a], ranks[b]) == sign(goldRanks[a], goldRanks[b]);
                }
        }
    });
    std::vector<ScreeningResult> out;
    for (auto& [name, r] : results) {
        if (r.values > 0) r.score = static_cast<double>(agreeing[name]) / static_cast<double>(r.values);
        r.passed = r.goldItems > 0 && r.score >= settings.threshold;
        out.push_back(r);
    }
    return out;
}

}  // namespace rlhf::data
