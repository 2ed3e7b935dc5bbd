#include "data/PreferencePairs.h"

namespace rlhf::data {

namespace {

const char* kComparisons =
    "SELECT p.text, c.text, r.text, x.margin FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
    "JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id "
    "WHERE ?1 = '' OR p.split = ?1 ORDER BY x.id";
const char* kRankingPairs =
    "SELECT p.text, c.text, r.text, NULL FROM rankings k JOIN prompts p ON p.id = k.prompt_id "
    "JOIN ranking_items a ON a.ranking_id = k.id JOIN ranking_items b ON b.ranking_id = k.id AND a.rank < b.rank "
    "JOIN responses c ON c.id = a.response_id JOIN responses r ON r.id = b.response_id "
    "WHERE k.all_bad = 0 AND a.rank > 0 AND (?1 = '' OR p.split = ?1)";
const char* kRankingPairsOrder = " ORDER BY k.id, a.rank, b.rank, a.response_id, b.response_id";

}  // namespace

std::vector<PreferencePair> readPreferencePairs(Database& db, const std::string& split, const JudgementSelection& selection) {
    std::vector<PreferencePair> out;
    const std::string rankingPairs = std::string(kRankingPairs) + rankingCondition(db, selection) + kRankingPairsOrder;
    for (const std::string& sql : {std::string(kComparisons), rankingPairs}) {
        auto q = db.prepare(sql);
        q.bind(1, std::string_view(split));
        while (q.step()) {
            PreferencePair pair{q.columnText(0), q.columnText(1), q.columnText(2), std::nullopt};
            if (!q.columnIsNull(3)) pair.margin = q.columnDouble(3);
            out.push_back(std::move(pair));
        }
    }
    return out;
}

}  // namespace rlhf::data
