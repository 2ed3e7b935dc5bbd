#include "TextModelTokenizer.h"

#include "CliSupport.h"

namespace rlhf::cli {

text::Tokenizer textModelTokenizer(const std::string& dir) {
    if (!text::Tokenizer::existsIn(dir))
        throw UserError(dir + ": no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt), so it "
                              "cannot read or write text: a chat needs them (rlhf score and generate also take token ids with --ids)");
    return text::Tokenizer::fromDirectory(dir);
}

}  // namespace rlhf::cli
