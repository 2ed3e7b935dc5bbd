#pragma once
// The Llama-family side of a chat (rlhf chat, the Chat panel's engine): the conversation rendered in the
// model's chat format (InstructFormat: its template's, or --chat-format) with an optional system message,
// the oldest exchanges dropped while it does not leave room for the reply, and the reply generated until
// an EOS or the format's end-of-turn token, which is not shown.

#include <atomic>
#include <string>
#include <vector>

#include <torch/types.h>

#include "ChatReplies.h"
#include "chat/InstructFormat.h"
#include "model/LlamaModel.h"
#include "text/Tokenizer.h"

namespace rlhf::cli {

// The longest conversation a chat keeps (prompt and reply): the cache checked before loading, and where
// the oldest exchanges start to go (current checkpoints allow 32k–128k positions, which a CPU chat
// would not reach in memory or time).
constexpr int64_t kLlamaChatContext = 4096;

struct LlamaChatModel {
    model::LlamaModel model;
    text::Tokenizer tokenizer;
    chat::InstructFormat format;
    std::vector<int> stopIds;  // the format's end-of-turn ids (the config's EOS ids stop generation too)
    int64_t context = 0;       // min(max_position_embeddings, kLlamaChatContext)
};

// Throws UserError for a directory without tokenizer.json or whose chat format is unknown (and not chosen).
// `dtype`: the weights' type, float32 or bfloat16 (DeviceOption's inferenceDtype).
std::shared_ptr<LlamaChatModel> loadLlamaChatModel(const std::string& dir, const std::string& chatFormat, const torch::Device& device,
                                                   torch::ScalarType dtype);

ChatReply writeLlamaReply(LlamaChatModel& m, const std::vector<chat::ChatTurn>& turns, const model::SamplingOptions& sampling,
                          const ChatOptions& o, const std::atomic<bool>& cancel, const TokenSink& sink);

}  // namespace rlhf::cli
