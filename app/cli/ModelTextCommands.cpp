#include "ModelTextCommands.h"

#include <iostream>
#include <numeric>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "MemoryCheck.h"
#include "chat/InstructFormat.h"
#include "TextModelTokenizer.h"
#include "model/TextModel.h"
#include "text/Tokenizer.h"

namespace rlhf::cli {

std::vector<int> encodeOrThrow(const text::Tokenizer& tokenizer, const std::string& text, const char* what, TextRole role) {
    try {
        if (role == TextRole::Prompt) return tokenizer.encodeWithSpecialTokens(text);
        return role == TextRole::Continuation ? tokenizer.encodeContinuation(text) : tokenizer.encode(text);
    } catch (const std::invalid_argument& e) {
        throw UserError(std::string(what) + ": " + e.what());
    }
}

chat::InstructFormat chatFormatOrThrow(const std::string& dir, const std::string& chosen, const text::Tokenizer& tokenizer,
                                       const std::string& prefix) {
    chat::InstructFormat format;
    try {
        format = chat::instructFormatForModel(dir, chosen);
    } catch (const std::invalid_argument& e) {
        throw UserError(prefix + e.what() + (chosen.empty() ? " with --chat-format" : ""));
    }
    const auto missing = chat::missingMarkerTokens(format, tokenizer);
    if (missing.empty()) return format;
    std::string names;
    for (const auto& token : missing) names += (names.empty() ? "" : ", ") + token;
    const bool one = missing.size() == 1;
    std::cerr << "rlhf: warning: " << dir << ": the tokenizer has no " << names << (one ? " token, which the " : " tokens, which the ")
              << chat::instructKindName(format.kind) << " format writes"
              << (chosen.empty() ? "" : " (--chat-format " + chosen + "; the model's own template may differ)")
              << ": the text splits " << (one ? "it" : "them") << " into ordinary pieces the model has not learned as turn markers"
              << (chat::endOfTurnIds(format, tokenizer).empty() ? ", and a reply stops only at its length or the model's EOS" : "")
              << '\n';
    return format;
}

namespace {

void checkVocabulary(const std::vector<int>& ids, int vocabSize, const std::string& dir) {
    for (int id : ids)
        if (id >= vocabSize)
            throw UserError(dir + ": the tokenizer gives id " + std::to_string(id) + ", beyond the model's vocab_size " +
                            std::to_string(vocabSize));
}

// The prompt's ids: a chat rendered in the model's format (its special tokens written in the text), or
// the text with the post-processor's special tokens. *stopIds becomes the format's end-of-turn ids.
std::vector<int> promptIds(const std::string& dir, const text::Tokenizer& tokenizer, const std::string& prompt,
                           const LlamaChatOptions& chat, std::vector<int>* stopIds) {
    if (!chat.chat) return encodeOrThrow(tokenizer, prompt, "--prompt", TextRole::Prompt);
    const chat::InstructFormat format = chatFormatOrThrow(dir, chat.format, tokenizer, "--chat: ");
    std::vector<chat::ChatMessage> messages;
    if (!chat.system.empty()) messages.push_back({"system", chat.system});
    messages.push_back({"user", prompt});
    *stopIds = chat::endOfTurnIds(format, tokenizer);
    return encodeOrThrow(tokenizer, format.render(messages, true), "--prompt");
}

}  // namespace

void scoreModelText(const std::string& dir, const std::string& prompt, const std::string& response,
                    const std::string& device, const std::string& precision, bool json) {
    const auto tokenizer = textModelTokenizer(dir);
    const auto promptPart = encodeOrThrow(tokenizer, prompt, "--prompt", TextRole::Prompt);
    const auto responsePart = encodeOrThrow(tokenizer, response, "--response", TextRole::Continuation);
    if (promptPart.empty()) throw UserError("--prompt: must not be empty (this tokenizer adds no BOS token)");
    const torch::Device where = resolveDevice(device);
    const auto dtype = inferenceDtype(precision, dir, where);
    const auto n = static_cast<int64_t>(promptPart.size() + responsePart.size());
    checkInferenceMemory(dir, {"score", 1, 0, n, 0, dtype == torch::kBFloat16}, where.is_cuda(), "rlhf score");
    const auto model = model::loadTextModel(dir, where, dtype);
    std::vector<int> ids = promptPart;
    ids.insert(ids.end(), responsePart.begin(), responsePart.end());
    checkVocabulary(ids, model.vocabSize, dir);
    const auto all = model.tokenLogProbs(ids);
    const std::vector<double> responseLogProbs(all.end() - static_cast<std::ptrdiff_t>(responsePart.size()), all.end());
    printResult({{"logprob", std::accumulate(responseLogProbs.begin(), responseLogProbs.end(), 0.0)},
                 {"token_logprobs", responseLogProbs},
                 {"response_ids", responsePart}},
                json);
}

void generateModelText(const std::string& dir, const std::string& device, const std::string& precision, const std::string& prompt,
                       const LlamaChatOptions& chat, const model::SamplingOptions& sampling, int num,
                       const CompletionOutput& output) {
    const auto tokenizer = textModelTokenizer(dir);
    std::vector<int> stopIds;
    const auto ids = promptIds(dir, tokenizer, prompt, chat, &stopIds);
    if (ids.empty()) throw UserError("--prompt: must not be empty");
    const torch::Device where = resolveDevice(device);
    const auto dtype = inferenceDtype(precision, dir, where);
    const model::StageSize size{"generate", num, 0, static_cast<int64_t>(ids.size()), sampling.maxNewTokens, dtype == torch::kBFloat16};
    checkInferenceMemory(dir, size, where.is_cuda(), "rlhf generate");
    const auto model = model::loadTextModel(dir, where, dtype);
    checkVocabulary(ids, model.vocabSize, dir);
    generateAndPrint(tokenizer, ids, num, output, [&](const model::TokenCallback& onToken) {
        return model.generate(ids, num, sampling, onToken, stopIds);
    });
}

}  // namespace rlhf::cli
