#include "ChatReplies.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <torch/torch.h>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EvalReport.h"
#include "LlamaChatReplies.h"
#include "MemoryCheck.h"
#include "model/LlamaConfig.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaGeneration.h"
#include "text/Utf8.h"

namespace rlhf::cli {

std::string replyTokenText(const text::Tokenizer& tok, int id, bool first, bool skipSpecialTokens) {
    return first ? tok.decode({id}, skipSpecialTokens) : tok.tokenBytes(id, skipSpecialTokens);
}

chat::StreamedToken replyToken(const text::Tokenizer& tok, int id, const torch::Tensor& probs, int alternatives, bool& textShown) {
    const bool first = !textShown;
    std::string text = replyTokenText(tok, id, first);
    textShown = textShown || !text.empty();
    return {id, std::move(text), probs[id].item<double>(), tokenAlternatives(probs, alternatives, tok, first)};
}

std::vector<std::pair<std::string, double>> tokenAlternatives(const torch::Tensor& probs, int count, const text::Tokenizer& tok,
                                                              bool first) {
    std::vector<std::pair<std::string, double>> out;
    if (count <= 0) return out;
    const auto [values, ids] = probs.topk(count);
    for (int64_t i = 0; i < values.size(0); ++i)
        out.emplace_back(text::encodeUtf8(text::decodeUtf8(replyTokenText(tok, static_cast<int>(ids[i].item<int64_t>()), first, false))),
                         values[i].item<double>());
    return out;
}

int64_t chatContextOf(const model::ModelShape& shape) {
    if (shape.family == "llama") return std::min<int64_t>(shape.context, kLlamaChatContext);
    return shape.family == "mamba" ? kMambaChatContext : shape.context;
}

model::StageSize chatStageSize(const model::ModelShape& shape, int64_t newTokens, bool bf16) {
    const int64_t conversation = chatContextOf(shape), reply = newTokens < 0 ? conversation / 2 : std::clamp<int64_t>(newTokens, 1, conversation / 2);
    return {"chat", 1, 0, conversation - reply, reply, bf16};
}

int64_t ChatModel::context() const {
    if (llama) return llama->context;
    return mamba ? kMambaChatContext : loaded.model->config().nPositions;
}

std::string ChatModel::deviceName() const {
    if (llama) return llama->model.device().str();
    return mamba ? (*mamba)->device().str() : loaded.model->wte->weight.device().str();
}

std::string ChatModel::formatName() const { return llama ? chat::instructKindName(llama->format.kind) : "cues"; }

std::string ChatModel::precisionName() const { return dtypeName(llama ? llama->model.dtype() : torch::kFloat32); }

void checkChatMemory(const model::ModelShape& shape, bool onGpu, bool bf16) {
    checkStageMemory(model::estimateStageMemory(shape, chatStageSize(shape, -1, bf16)), "rlhf chat", onGpu, false);
}

namespace {

// A GPT-2's or a Mamba's chat, checked as a Llama's is (LlamaChatReplies). A directory whose config
// cannot be read is left to the loader, which names the problem.
void checkCueChatMemory(const std::string& dir, const torch::Device& device) {
    model::ModelShape shape;
    try {
        shape = model::modelShapeOf(dir);
    } catch (const std::exception&) {
        return;
    }
    checkChatMemory(shape, device.is_cuda(), false);
}

}  // namespace

ChatModel loadChatModel(const ChatOptions& o) {
    NamedModel named;
    const bool runId = !o.model.empty() && std::all_of(o.model.begin(), o.model.end(), [](unsigned char c) { return std::isdigit(c); });
    if (o.project.empty() && runId && !std::filesystem::is_directory(o.model))
        throw UserError("--model " + o.model + ": not a model directory; a run id needs its project (rlhf chat PROJECT --model " + o.model + ")");
    if (o.project.empty()) named = {o.model, o.model, "", 0};
    else named = resolveModel(*data::ProjectStore::open(o.project, false), o.model, "--model");
    const auto device = resolveDevice(o.device, o.threads);
    const std::string type = model::modelTypeOf(named.dir);
    const auto dtype = inferenceDtype(o.precision, named.dir, device);
    if (model::isLlamaFamily(type)) {
        if (o.cuesGiven)
            throw UserError("--user-cue, --assistant-cue: for a GPT-2 or a Mamba; a Llama-family model chats in its own format "
                            "(--chat-format to choose another)");
        return ChatModel{shortNameOf(named), {}, loadLlamaChatModel(named.dir, o.chatFormat, device, dtype), nullptr};
    }
    if (!o.chatFormat.empty() || !o.system.empty())
        throw UserError("--chat-format, --system: for Llama-family models; a GPT-2 or a Mamba chats with --user-cue/--assistant-cue");
    checkCueChatMemory(named.dir, device);
    if (model::isMamba(type)) {
        ChatModel m{shortNameOf(named), {}, nullptr, std::make_shared<model::MambaModel>(model::loadMambaModel(named.dir, device))};
        m.loaded.tokenizer.emplace(model::loadMambaTokenizer(named.dir));
        return m;
    }
    ChatModel m{shortNameOf(named), model::loadCheckpoint(named.dir, device), nullptr, nullptr};
    if (!m.loaded.tokenizer) throw UserError(o.model + ": the model directory has no tokenizer files");
    return m;
}

ChatReply writeReply(ChatModel& m, const std::vector<chat::ChatTurn>& turns, const model::SamplingOptions& given,
                     const ChatOptions& o, const std::atomic<bool>& cancel, const TokenSink& sink) {
    if (m.llama) return writeLlamaReply(*m.llama, turns, given, o, cancel, sink);
    const auto& tok = *m.loaded.tokenizer;
    const int64_t room = std::min<int64_t>(given.maxNewTokens, m.context() / 2);
    std::vector<int> promptIds;  // of the last prompt tried: the one that fits
    const auto prompt = chat::buildChatPrompt(turns, o.format, [&](const std::string& text) {
        promptIds = tok.encode(text);
        return static_cast<int64_t>(promptIds.size()) + room <= m.context();
    });
    model::SamplingOptions sampling = given;
    sampling.maxNewTokens = static_cast<int>(room);
    chat::ReplyStream stream(o.format.stopCues());
    torch::Tensor probs;  // [V] of the step being streamed
    ChatReply reply;
    reply.droppedTurns = prompt.droppedTurns;
    reply.maxNewTokens = room;
    auto emit = [&](std::vector<chat::StreamedToken> ready) { for (const auto& t : ready) sink(t); };
    const std::vector<int> eosIds = m.mamba ? (*m.mamba)->config().eosTokenIds : std::vector<int>{m.loaded.model->config().eosTokenId};
    bool textShown = false;  // the first token with text starts the reply (a skipped special token does not)
    const model::TokenCallback onToken = [&](size_t, int id) {
        ++reply.tokens;
        if (std::find(eosIds.begin(), eosIds.end(), id) != eosIds.end()) return true;
        emit(stream.add(replyToken(tok, id, probs, o.alternatives, textShown)));
        return !stream.stopped() && !cancel.load();
    };
    const model::LogitsCallback onLogits = [&](const torch::Tensor& last) { probs = last[0].to(torch::kCPU, torch::kFloat32).softmax(-1); };
    const auto completions = m.mamba ? model::generateMamba(*m.mamba, promptIds, 1, sampling, onToken, &cancel, {}, onLogits)
                                     : model::generate(m.loaded.model, {promptIds}, sampling, onToken, &cancel, onLogits);
    emit(stream.finish());
    reply.text = stream.text();
    const bool eos = !completions.empty() && completions[0].endedWithEos;
    reply.end = stream.stopped() ? "cue" : eos ? "eos" : cancel.load() ? "stopped" : "length";
    return reply;
}

std::string trimmedText(const std::string& s) {
    const size_t first = s.find_first_not_of(" \n\t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \n\t") - first + 1);
}

}  // namespace rlhf::cli
