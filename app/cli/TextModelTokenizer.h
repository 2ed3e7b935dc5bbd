#pragma once
// The tokenizer beside a Llama-family or Mamba directory (model/TextModel) for the text commands.

#include <string>

#include "text/Tokenizer.h"

namespace rlhf::cli {

// text::Tokenizer::fromDirectory: tokenizer.json, tokenizer.model (SentencePiece), or the vocab.json and
// merges.txt a workbench-trained model has. UserError when there is none.
text::Tokenizer textModelTokenizer(const std::string& dir);

}  // namespace rlhf::cli
