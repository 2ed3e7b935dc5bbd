#include "TextModelTokenizer.h"

#include <filesystem>

#include "CliSupport.h"

namespace rlhf::cli {

namespace fs = std::filesystem;

text::ByteLevelBpe textModelTokenizer(const std::string& dir) {
    const std::string sentencePiece = ": a SentencePiece tokenizer (Llama-2, TinyLlama), which the workbench does not read yet; "
                                      "score and generate take token ids with --ids";
    if (!fs::exists(fs::path(dir) / "tokenizer.json")) {
        if (fs::exists(fs::path(dir) / "tokenizer.model")) throw UserError(dir + sentencePiece);
        if (fs::exists(fs::path(dir) / "vocab.json")) return text::ByteLevelBpe::fromDirectory(dir);
        throw UserError(dir + ": no tokenizer.json; score and generate take token ids with --ids");
    }
    try {
        return text::ByteLevelBpe::fromTokenizerJson((fs::path(dir) / "tokenizer.json").string());
    } catch (const text::TokenizerError& e) {  // SentencePiece saved as tokenizer.json: byte fallback, Metaspace
        const std::string why = e.what();
        if (why.find("byte_fallback") != std::string::npos || why.find("Metaspace") != std::string::npos)
            throw UserError(dir + sentencePiece + " (" + why + ")");
        throw;
    }
}

}  // namespace rlhf::cli
