#pragma once
// rlhf bench ranking [--items N]: how long a labeller waits at the Ranking panel in a project of N items.

#include <cstdint>

namespace rlhf::cli {

void benchRanking(int64_t items, int judgements);

}  // namespace rlhf::cli
