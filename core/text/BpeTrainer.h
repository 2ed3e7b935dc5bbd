#pragma once
// Deterministic byte-level BPE training (for from-scratch models, vocab 512-8192): GPT-2
// pre-tokenisation, then repeatedly merge the most frequent adjacent pair (ties: the
// lexicographically smallest pair of token strings) until the vocabulary has the requested size.
// The result saves as vocab.json + merges.txt like GPT-2's and encodes with ByteLevelBpe.

#include <string_view>

#include "text/ByteLevelBpe.h"

namespace rlhf::text {

struct BpeTrainingOptions {
    int vocabSize = 2048;  // including the 256 byte tokens and <|endoftext|>
    int minPairCount = 2;  // pairs seen fewer times are never merged
};

// Throws std::invalid_argument for vocabSize < 257 or invalid UTF-8 (naming the byte offset).
ByteLevelBpe trainBpe(std::string_view corpus, const BpeTrainingOptions& options);

}  // namespace rlhf::text
