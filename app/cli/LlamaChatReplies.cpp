#include "LlamaChatReplies.h"

#include <algorithm>
#include <filesystem>

#include <torch/torch.h>

#include "CliSupport.h"
#include "ModelTextCommands.h"
#include "TextModelTokenizer.h"
#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"

namespace rlhf::cli {

namespace {

std::vector<chat::ChatMessage> messagesOf(const std::vector<chat::ChatTurn>& turns, size_t from, const std::string& system) {
    std::vector<chat::ChatMessage> messages;
    if (!system.empty()) messages.push_back({"system", system});
    for (size_t i = from; i < turns.size(); ++i)
        messages.push_back({turns[i].role == chat::ChatTurn::Role::User ? "user" : "assistant", turns[i].text});
    return messages;
}

}  // namespace

std::shared_ptr<LlamaChatModel> loadLlamaChatModel(const std::string& dir, const std::string& chatFormat, const torch::Device& device,
                                                   torch::ScalarType dtype) {
    auto tokenizer = textModelTokenizer(dir);
    chat::InstructFormat format = chatFormatOrThrow(dir, chatFormat, tokenizer, "");
    // The longest conversation kept (its cache grows with it), checked before the weights load.
    const auto shape = model::modelShapeOf(dir);
    checkChatMemory(shape, device.is_cuda(), dtype == torch::kBFloat16);
    std::vector<int> stopIds = chat::endOfTurnIds(format, tokenizer);
    return std::make_shared<LlamaChatModel>(
        LlamaChatModel{model::loadLlamaModel(dir, device, nullptr, dtype), std::move(tokenizer), std::move(format), std::move(stopIds),
                       chatContextOf(shape)});
}

ChatReply writeLlamaReply(LlamaChatModel& m, const std::vector<chat::ChatTurn>& turns, const model::SamplingOptions& given,
                          const ChatOptions& o, const std::atomic<bool>& cancel, const TokenSink& sink) {
    const auto& tok = m.tokenizer;
    const int64_t context = m.context;
    const int64_t room = std::min<int64_t>(given.maxNewTokens, context / 2);
    // Whole exchanges (a message and its reply) go from the oldest on, so the roles still alternate.
    size_t from = 0;
    std::vector<int> ids = tok.encode(m.format.render(messagesOf(turns, from, o.system), true));
    while (static_cast<int64_t>(ids.size()) + room > context && from + 2 < turns.size()) {
        from += 2;
        ids = tok.encode(m.format.render(messagesOf(turns, from, o.system), true));
    }
    if (static_cast<int64_t>(ids.size()) + room > context)
        throw std::invalid_argument("the message does not fit the model's context of " + std::to_string(context) + " tokens");
    model::SamplingOptions sampling = given;
    sampling.maxNewTokens = static_cast<int>(room);
    const auto& eos = m.model.config().eosTokenIds;
    const auto ends = [&](int id) {
        return std::count(eos.begin(), eos.end(), id) > 0 || std::count(m.stopIds.begin(), m.stopIds.end(), id) > 0;
    };
    chat::ReplyStream stream({});
    torch::Tensor probs;  // [V] of the step being streamed
    ChatReply reply;
    reply.droppedTurns = from;
    reply.maxNewTokens = room;
    auto emit = [&](std::vector<chat::StreamedToken> ready) { for (const auto& t : ready) sink(t); };
    bool textShown = false;  // the first token with text starts the reply (a skipped special token does not)
    const auto completions = model::generateLlama(
        m.model, ids, 1, sampling,
        [&](size_t, int id) {
            ++reply.tokens;
            if (ends(id)) return true;
            emit(stream.add(replyToken(tok, id, probs, o.alternatives, textShown)));
            return !cancel.load();
        },
        &cancel, m.stopIds, [&](const torch::Tensor& last) { probs = last[0].to(torch::kCPU, torch::kFloat32).softmax(-1); });
    emit(stream.finish());
    reply.text = stream.text();
    const bool ended = !completions.empty() && completions[0].endedWithEos;
    reply.end = ended ? "eos" : cancel.load() ? "stopped" : "length";
    return reply;
}

}  // namespace rlhf::cli
