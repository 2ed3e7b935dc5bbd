#include "TextModel.h"

#include <filesystem>
#include <memory>

#include "CliSupport.h"
#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaGeneration.h"

namespace rlhf::cli {

namespace fs = std::filesystem;

bool isTextModelType(const std::string& modelType) { return model::isLlamaFamily(modelType) || model::isMamba(modelType); }

TextModel loadTextModel(const std::string& dir, const torch::Device& device) {
    TextModel m;
    if (model::isMamba(model::modelTypeOf(dir))) {
        auto mamba = std::make_shared<model::MambaModel>(model::loadMambaModel(dir, device));
        m.vocabSize = (*mamba)->config().vocabSize;
        m.tokenLogProbs = [mamba](const std::vector<int>& ids) { return (*mamba)->tokenLogProbs(ids); };
        m.generate = [mamba](const std::vector<int>& prompt, int num, const model::SamplingOptions& sampling,
                             const model::TokenCallback& onToken, const std::vector<int>& stopIds) {
            return model::generateMamba(*mamba, prompt, num, sampling, onToken, nullptr, stopIds);
        };
        return m;
    }
    auto llama = std::make_shared<model::LlamaModel>(model::loadLlamaModel(dir, device));
    m.vocabSize = llama->config().vocabSize;
    m.tokenLogProbs = [llama](const std::vector<int>& ids) { return llama->tokenLogProbs(ids); };
    m.generate = [llama](const std::vector<int>& prompt, int num, const model::SamplingOptions& sampling,
                         const model::TokenCallback& onToken, const std::vector<int>& stopIds) {
        return model::generateLlama(*llama, prompt, num, sampling, onToken, nullptr, stopIds);
    };
    return m;
}

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
