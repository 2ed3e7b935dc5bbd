#include "TokenIdCommands.h"

#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "MemoryCheck.h"
#include "model/TextModel.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/Scoring.h"

namespace rlhf::cli {

namespace {

void checkVocabulary(const std::vector<int>& ids, int vocabSize) {
    for (int id : ids)
        if (id >= vocabSize)
            throw UserError("--ids: " + std::to_string(id) + " is outside the model's vocabulary of " + std::to_string(vocabSize) + " tokens");
}

nlohmann::ordered_json scoreJson(const std::vector<double>& logProbs) {
    return {{"logprob", std::accumulate(logProbs.begin(), logProbs.end(), 0.0)}, {"token_logprobs", logProbs}};
}

// The directory's tokenizer, to show the new ids' text too; none where it has no tokenizer files or
// they cannot be read (the ids are the answer; their text is a convenience).
std::optional<text::Tokenizer> tokenizerIfAny(const std::string& dir) {
    if (!text::Tokenizer::existsIn(dir)) return std::nullopt;
    try {
        return text::Tokenizer::fromDirectory(dir);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::vector<int> parseTokenIds(const std::string& text) {
    std::vector<int> ids;
    const std::string emptyItem = "--ids: an empty item in '" + text + "' (give them as 1,2,3)";
    if (!text.empty() && text.back() == ',') throw UserError(emptyItem);  // getline yields no last empty item
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        // Spaces around an id are allowed ("5, 6", " 5,6 "), as stoll allows them before it.
        const auto first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
        item = first == std::string::npos ? std::string() : item.substr(first, last - first + 1);
        if (item.empty()) throw UserError(emptyItem);
        size_t used = 0;
        long long id = -1;
        try {
            id = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size() || id < 0 || id > (1LL << 30)) throw UserError("--ids: '" + item + "' is not a token id");
        ids.push_back(static_cast<int>(id));
    }
    if (ids.empty()) throw UserError("--ids: no token ids (give them as 1,2,3)");
    return ids;
}

void scoreTokenIds(const std::string& modelDir, const std::vector<int>& ids, const std::string& device, const std::string& precision,
                   bool json) {
    if (ids.size() < 2)
        throw UserError("--ids: one id leaves nothing to score (each id after the first is scored given those before it)");
    const torch::Device where = resolveDevice(device);
    const auto dtype = inferenceDtype(precision, modelDir, where);
    const auto n = static_cast<int64_t>(ids.size());
    checkInferenceMemory(modelDir, {"score", 1, 0, n, 0, dtype == torch::kBFloat16}, where.is_cuda(), "rlhf score");
    if (model::isTextModelType(model::modelTypeOf(modelDir))) {
        const auto textModel = model::loadTextModel(modelDir, where, dtype);
        checkVocabulary(ids, textModel.vocabSize);
        printResult(scoreJson(textModel.tokenLogProbs(ids)), json);
        return;
    }
    auto loaded = model::loadCheckpoint(modelDir, where, false);
    checkVocabulary(ids, loaded.model->config().vocabSize);
    if (ids.size() > static_cast<size_t>(loaded.model->config().nPositions))
        throw UserError("--ids: " + std::to_string(ids.size()) + " tokens do not fit the model's context of " +
                        std::to_string(loaded.model->config().nPositions));
    const std::vector<int> rest(ids.begin() + 1, ids.end());
    printResult(scoreJson(model::scoreResponse(loaded.model, {ids.front()}, rest).tokenLogprobs), json);
}

void generateFromTokenIds(const std::string& modelDir, const std::vector<int>& ids, const model::SamplingOptions& sampling,
                          int num, const std::string& device, const std::string& precision, bool json) {
    const torch::Device where = resolveDevice(device);
    const auto dtype = inferenceDtype(precision, modelDir, where);
    const model::StageSize size{"generate", num, 0, static_cast<int64_t>(ids.size()), sampling.maxNewTokens, dtype == torch::kBFloat16};
    checkInferenceMemory(modelDir, size, where.is_cuda(), "rlhf generate");
    std::vector<model::Completion> completions;
    std::optional<text::Tokenizer> tokenizer;
    if (model::isTextModelType(model::modelTypeOf(modelDir))) {
        const auto textModel = model::loadTextModel(modelDir, where, dtype);
        checkVocabulary(ids, textModel.vocabSize);
        completions = textModel.generate(ids, num, sampling, {}, {});
        tokenizer = tokenizerIfAny(modelDir);
    } else {
        auto loaded = model::loadCheckpoint(modelDir, where, false);
        checkVocabulary(ids, loaded.model->config().vocabSize);
        completions = model::generate(loaded.model, std::vector<std::vector<int>>(static_cast<size_t>(num), ids), sampling);
        tokenizer = std::move(loaded.tokenizer);
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : completions) {
        nlohmann::json one = {{"ids", c.ids}, {"ended_with_eos", c.endedWithEos}};
        if (tokenizer) one["text"] = tokenizer->decodeLossy(c.ids);
        list.push_back(one);
    }
    if (json) {
        printJsonLine({{"completions", list}});
        return;
    }
    for (size_t i = 0; i < completions.size(); ++i) {  // text: the new ids (and their text), one completion per line
        if (completions.size() > 1) std::cout << "--- completion " << i + 1 << " ---\n";
        std::string line = "ids:";
        for (int id : completions[i].ids) line += " " + std::to_string(id);
        std::cout << line << '\n';
        if (tokenizer) std::cout << "text: " << list[i]["text"].get<std::string>() << '\n';
    }
    std::cout << std::flush;
}

}  // namespace rlhf::cli
