#include "model/TextModel.h"

#include <memory>
#include <stdexcept>

#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaGeneration.h"

namespace rlhf::model {

bool isTextModelType(const std::string& modelType) { return isLlamaFamily(modelType) || isMamba(modelType); }

TextModel loadTextModel(const std::string& dir, const torch::Device& device, torch::ScalarType dtype) {
    TextModel m;
    if (isMamba(modelTypeOf(dir))) {
        if (dtype != torch::kFloat32) throw std::invalid_argument(dir + ": a Mamba model runs in float32 only");
        auto mamba = std::make_shared<MambaModel>(loadMambaModel(dir, device));
        m.vocabSize = (*mamba)->config().vocabSize;
        m.tokenLogProbs = [mamba](const std::vector<int>& ids) { return (*mamba)->tokenLogProbs(ids); };
        m.generate = [mamba](const std::vector<int>& prompt, int num, const SamplingOptions& sampling,
                             const TokenCallback& onToken, const std::vector<int>& stopIds) {
            return generateMamba(*mamba, prompt, num, sampling, onToken, nullptr, stopIds);
        };
        return m;
    }
    auto llama = std::make_shared<LlamaModel>(loadLlamaModel(dir, device, nullptr, dtype));
    m.vocabSize = llama->config().vocabSize;
    m.tokenLogProbs = [llama](const std::vector<int>& ids) { return llama->tokenLogProbs(ids); };
    m.generate = [llama](const std::vector<int>& prompt, int num, const SamplingOptions& sampling,
                         const TokenCallback& onToken, const std::vector<int>& stopIds) {
        return generateLlama(*llama, prompt, num, sampling, onToken, nullptr, stopIds);
    };
    return m;
}

}  // namespace rlhf::model
