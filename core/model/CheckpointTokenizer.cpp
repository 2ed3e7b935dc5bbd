#include "model/CheckpointTokenizer.h"

#include <filesystem>
#include <stdexcept>

namespace rlhf::model {

text::ByteLevelBpe loadCheckpointTokenizer(const std::string& dir, int vocabSize) {
    namespace fs = std::filesystem;
    if (!fs::exists(fs::path(dir) / "tokenizer.json") && !fs::exists(fs::path(dir) / "vocab.json"))
        throw std::invalid_argument(dir + ": no tokenizer files (tokenizer.json, or vocab.json and merges.txt)" +
                                    (fs::exists(fs::path(dir) / "tokenizer.model")
                                         ? std::string("; its tokenizer.model is SentencePiece, which the workbench does not read yet")
                                         : std::string()));
    auto tokenizer = text::ByteLevelBpe::fromDirectory(dir);
    if (tokenizer.vocabSize() > vocabSize)
        throw std::invalid_argument(dir + ": the tokenizer has " + std::to_string(tokenizer.vocabSize()) +
                                    " tokens but config.json vocab_size is " + std::to_string(vocabSize));
    return tokenizer;
}

}  // namespace rlhf::model
