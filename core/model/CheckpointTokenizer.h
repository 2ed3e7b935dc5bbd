#pragma once
// The tokenizer beside a checkpoint (text::Tokenizer: tokenizer.json, tokenizer.model, or the vocab.json
// and merges.txt a workbench-trained model has), checked against the model's vocabulary size.

#include <string>

#include "text/Tokenizer.h"

namespace rlhf::model {

// Throws std::invalid_argument naming the directory when there is no tokenizer or it has more tokens than
// `vocabSize`; text::TokenizerError for a file it cannot use.
text::Tokenizer loadCheckpointTokenizer(const std::string& dir, int vocabSize);

}  // namespace rlhf::model
