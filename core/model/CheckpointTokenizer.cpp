#include "model/CheckpointTokenizer.h"

#include <stdexcept>

namespace rlhf::model {

text::Tokenizer loadCheckpointTokenizer(const std::string& dir, int vocabSize) {
    if (!text::Tokenizer::existsIn(dir))
        throw std::invalid_argument(dir + ": no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt)");
    auto tokenizer = text::Tokenizer::fromDirectory(dir);
    if (tokenizer.vocabSize() > vocabSize)
        throw std::invalid_argument(dir + ": the tokenizer has " + std::to_string(tokenizer.vocabSize()) +
                                    " tokens but config.json vocab_size is " + std::to_string(vocabSize));
    return tokenizer;
}

}  // namespace rlhf::model
