#pragma once
// The byte-level BPE tokenizer beside a checkpoint (tokenizer.json, or the vocab.json and merges.txt a
// workbench-trained model has), checked against the model's vocabulary size.

#include <string>

#include "text/ByteLevelBpe.h"

namespace rlhf::model {

// Throws std::invalid_argument naming the directory when there is no tokenizer or it has more tokens than
// `vocabSize`; a SentencePiece tokenizer.json (byte fallback, Metaspace) throws text::TokenizerError.
text::ByteLevelBpe loadCheckpointTokenizer(const std::string& dir, int vocabSize);

}  // namespace rlhf::model
