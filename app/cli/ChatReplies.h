#pragma once
// The engine side of a chat (rlhf chat): a model loaded once, and replies written to a conversation token
// by token — each token with its probability and the likeliest alternatives of its step.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "chat/ChatPrompt.h"
#include "chat/ReplyStream.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/MambaModel.h"
#include "model/MemoryEstimate.h"

namespace rlhf::cli {

struct LlamaChatModel;  // LlamaChatReplies.h

struct ChatOptions {
    std::string project, model, device = "cpu";
    std::string precision = "auto";  // --precision (DeviceOption's inferenceDtype): bf16 for the Llama family where native
    std::string chatFormat, system;  // Llama family: --chat-format (empty: the model's template), --system
    int threads = 0, alternatives = 5;
    model::SamplingOptions sampling;
    chat::ChatTemplate format;
    bool cuesGiven = false;  // --user-cue or --assistant-cue on the command line
    bool json = false;
};

// Mamba chats as a GPT-2 does, with the request's cues, in a context of this many tokens (it has no limit).
constexpr int64_t kMambaChatContext = 4096;

// The longest conversation a chat with a model of this shape keeps (ChatModel::context before loading):
// a GPT-2's context, min(context, kLlamaChatContext) for the Llama family, kMambaChatContext for a Mamba.
// A reply gets at most half of it.
int64_t chatContextOf(const model::ModelShape& shape);

// What a chat with such a model holds at most, for the memory estimate: one conversation of
// chatContextOf(shape) positions, `newTokens` of them the reply (at most half; -1: half).
model::StageSize chatStageSize(const model::ModelShape& shape, int64_t newTokens, bool bf16);
// Refuses, before the weights load, a chat whose model and longest conversation kept would not fit
// (MemoryCheck's checkStageMemory).
void checkChatMemory(const model::ModelShape& shape, bool onGpu, bool bf16);

// A GPT-2 (`loaded`), a Mamba (`mamba`, its tokenizer in loaded.tokenizer) prompted with the same cues, or
// when `llama` is set a Llama-family model in its own chat format.
struct ChatModel {
    std::string name;  // "sft-3" for run 3, else the directory's name
    model::LoadedModel loaded;
    std::shared_ptr<LlamaChatModel> llama;
    std::shared_ptr<model::MambaModel> mamba;
    int64_t context() const;
    std::string deviceName() const;
    std::string formatName() const;  // "cues" (the request's user/assistant cues), or the Llama model's format
    std::string precisionName() const;  // "fp32" or "bf16" (a Llama-family model's weights)
};

// Throws UserError for a model that is neither a run of the project nor a directory, or has no tokenizer.
ChatModel loadChatModel(const ChatOptions& o);

// What a reply request produced: the text shown and why it ended ("eos", "cue", "length", "stopped").
struct ChatReply {
    std::string text, end;
    size_t tokens = 0, droppedTurns = 0;
    int64_t maxNewTokens = 0;  // the reply's limit: max-new-tokens, at most half the context
};

using TokenSink = std::function<void(const chat::StreamedToken&)>;

// The likeliest `count` tokens of a step's probabilities [V], with theirs.
std::vector<std::pair<std::string, double>> tokenAlternatives(const torch::Tensor& probs, int count, const text::Tokenizer& tok,
                                                              bool first);
// The text token `id` adds to a reply, which reads as decode(its ids): the first with text as decode({id})
// gives it (a SentencePiece reply loses the space of its "▁"), the others where they stand
// (Tokenizer::tokenBytes).
// A reply skips special tokens (a <s> a model draws mid-reply), as chat front ends decode with
// skip_special_tokens; the alternatives keep them (an <|endoftext|> the model nearly drew says something).
std::string replyTokenText(const text::Tokenizer& tok, int id, bool first, bool skipSpecialTokens = true);
// Token `id` of a reply as it is streamed, drawn from `probs` [V]: its text (replyTokenText: first while
// `textShown` is false, which the first token with text sets) and the likeliest `alternatives` of its step.
chat::StreamedToken replyToken(const text::Tokenizer& tok, int id, const torch::Tensor& probs, int alternatives, bool& textShown);

// The reply to `turns` (ending with the user's message), streamed to `sink` as it is written. The reply
// gets at most max-new-tokens and never more than half the context; older turns make room for it.
// Throws std::invalid_argument when the last message alone does not fit.
ChatReply writeReply(ChatModel& m, const std::vector<chat::ChatTurn>& turns, const model::SamplingOptions& sampling,
                     const ChatOptions& o, const std::atomic<bool>& cancel, const TokenSink& sink);

// Without leading and trailing spaces and newlines: how a reply is kept in the conversation.
std::string trimmedText(const std::string& s);

}  // namespace rlhf::cli
