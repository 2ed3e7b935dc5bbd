#include "data/PreferenceGroups.h"

namespace rlhf::data {

namespace {

void readComparisons(Database& db, const std::string& split, std::vector<PreferenceGroup>& out) {
    auto q = db.prepare(
        "SELECT p.text, c.text, r.text, x.margin, p.id FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
        "JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id "
        "WHERE ?1 = '' OR p.split = ?1 ORDER BY x.id");
    q.bind(1, std::string_view(split));
    while (q.step()) {
        PreferenceGroup g{q.columnText(0), {q.columnText(1), q.columnText(2)}, {{0, 1, std::nullopt}}};
        if (!q.columnIsNull(3)) g.pairs[0].margin = q.columnDouble(3);
        g.promptId = q.columnInt(4);
        out.push_back(std::move(g));
    }
}

// One row per ranked response, a ranking's rows together, best first.
void readRankings(Database& db, const std::string& split, const JudgementSelection& selection, std::vector<PreferenceGroup>& out) {
    auto q = db.prepare(
        "SELECT k.id, p.text, r.text, i.rank, p.id FROM rankings k JOIN prompts p ON p.id = k.prompt_id "
        "JOIN ranking_items i ON i.ranking_id = k.id JOIN responses r ON r.id = i.response_id "
        "WHERE k.all_bad = 0 AND (?1 = '' OR p.split = ?1)" + rankingCondition(db, selection) + " ORDER BY k.id, i.rank, i.response_id");
    q.bind(1, std::string_view(split));
    int64_t current = -1;
    std::vector<int64_t> ranks;
    auto finish = [&] {
        if (out.empty() || current < 0) return;
        auto& g = out.back();
        for (size_t a = 0; a < ranks.size(); ++a)
            for (size_t b = a + 1; b < ranks.size(); ++b)
                if (ranks[a] < ranks[b]) g.pairs.push_back({a, b, std::nullopt});
        if (g.pairs.empty()) out.pop_back();  // all tied: nothing was preferred
    };
    while (q.step()) {
        if (q.columnInt(0) != current) {
            finish();
            current = q.columnInt(0);
            ranks.clear();
            out.push_back({q.columnText(1), {}, {}, q.columnInt(4)});
        }
        out.back().responses.push_back(q.columnText(2));
        ranks.push_back(q.columnInt(3));
    }
    finish();
}

}  // namespace

std::vector<PreferenceGroup> readPreferenceGroups(Database& db, const std::string& split, const JudgementSelection& selection) {
    std::vector<PreferenceGroup> out;
    readComparisons(db, split, out);
    readRankings(db, split, selection, out);
    return out;
}

}  // namespace rlhf::data
