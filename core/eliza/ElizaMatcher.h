#pragma once
// Decomposition matching and reassembly (docs/eliza-algorithm.md §5, §6).

#include <vector>

#include "eliza/ElizaScript.h"

namespace rlhf::eliza {

using Components = std::vector<Words>;  // one entry per pattern element, possibly empty

// Matches the whole of `words` against `pattern`. Each "0" takes the fewest words possible, left to
// right, with backtracking (leftmost-shortest, as SLIP YMATCH). Polynomial: failed (element, word)
// states are remembered, so adversarial patterns cannot blow up.
bool matchDecomposition(const Pattern& pattern, const Words& words, const TagTable& tags,
                        Components& components);

// Replaces each number k in `templ` with the words of component k (1-based); other tokens are copied.
// An index outside the components yields "HMMM" (the parser rejects such scripts).
Words reassemble(const Words& templ, const Components& components);

}  // namespace rlhf::eliza
