#pragma once
// The tokenizer beside a Llama-family or Mamba directory (model/TextModel) for the text commands.

#include <string>

#include "text/ByteLevelBpe.h"

namespace rlhf::cli {

// tokenizer.json, or the vocab.json and merges.txt a workbench-trained model has. UserError naming what is
// missing, or saying that a SentencePiece tokenizer (tokenizer.model, or tokenizer.json with byte
// fallback) is not read yet.
text::ByteLevelBpe textModelTokenizer(const std::string& dir);

}  // namespace rlhf::cli
