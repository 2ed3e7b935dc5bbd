#include "data/TrainingDataSummary.h"

namespace rlhf::data {

namespace {
// Per split: SELECT split, count(...) ... GROUP BY split.
void countBySplit(Database& db, const char* sql, std::map<std::string, SplitCounts>& splits, int64_t SplitCounts::*field) {
    auto q = db.prepare(sql);
    while (q.step())
        if (!q.columnIsNull(0))
            if (auto it = splits.find(q.columnText(0)); it != splits.end()) it->second.*field = q.columnInt(1);
}
}  // namespace

TrainingDataSummary summarizeTrainingData(Database& db) {
    TrainingDataSummary s;
    for (const char* split : {"train", "validation", "test"}) s.splits[split] = {};
    countBySplit(db, "SELECT split, count(*) FROM prompts GROUP BY split", s.splits, &SplitCounts::prompts);
    countBySplit(db, "SELECT p.split, count(*) FROM responses r JOIN prompts p ON p.id = r.prompt_id "
                     "WHERE r.origin = 'demonstration' GROUP BY p.split", s.splits, &SplitCounts::demonstrations);
    countBySplit(db, "SELECT p.split, count(*) FROM comparisons c JOIN prompts p ON p.id = c.prompt_id GROUP BY p.split",
                 s.splits, &SplitCounts::comparisons);
    countBySplit(db, "SELECT p.split, count(*) FROM rankings k JOIN prompts p ON p.id = k.prompt_id GROUP BY p.split",
                 s.splits, &SplitCounts::rankings);
    return s;
}

}  // namespace rlhf::data
