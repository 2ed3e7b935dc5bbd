#pragma once
// A synthetic preference file in the Anthropic HH-RLHF layout, shaped like ../shared/bench/make_hh_like.py
// (1-3 human turns, a shared prefix, different last assistant turns, some non-ASCII words, ~1 KB a
// line): the input of `rlhf bench import`. Deterministic for a seed (not byte-identical to the script).

#include <cstdint>
#include <string>

namespace rlhf::data {

// Writes `lines` records to `path`; throws std::runtime_error naming the path when it cannot write.
void writeSyntheticHh(const std::string& path, int64_t lines, uint64_t seed);

}  // namespace rlhf::data
