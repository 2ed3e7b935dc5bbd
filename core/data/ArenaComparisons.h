#pragma once
// Arena votes as training data for the reward model: each battle with a winner (not a tie of either kind)
// whose two conversations end with a reply to the same last user message becomes a comparison — that
// message as the prompt (one Human turn), the winner's last reply chosen, the loser's rejected. Earlier
// turns are left out: the two sides' earlier replies differ, so only the last exchange is the same
// prompt. The pairs are written to PROJECT.rlhf.d/arena-comparisons.jsonl (trl-messages, kept as the
// import's source) and imported in one transaction: a second run finds them as duplicates.

#include <cstdint>
#include <string>

#include "data/Database.h"
#include "data/Importer.h"

namespace rlhf::data {

struct ArenaComparisonsReport {
    ImportReport import;            // pairs, duplicates
    int64_t battles = 0;            // in the project
    int64_t ties = 0;               // no preference: not a comparison
    int64_t unpaired = 0;  // no conversations, different last user messages, or the same reply twice
    std::string file;
};

// `checkpointsDirectory`: the project's PROJECT.rlhf.d (created when missing).
ArenaComparisonsReport arenaVotesToComparisons(Database& db, const std::string& checkpointsDirectory);

}  // namespace rlhf::data
