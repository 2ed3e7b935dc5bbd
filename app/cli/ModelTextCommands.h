#pragma once
// `rlhf score` and `rlhf generate` on texts for Llama-family directories: the model (LlamaCheckpoint) with
// the tokenizer.json beside it (ByteLevelBpe: Llama-3, Qwen2, SmolLM layouts). A prompt is encoded as
// transformers encodes it with add_special_tokens (Llama-3's <|begin_of_text|> first); with --chat it is
// a user message rendered in the model's chat format (InstructFormat), whose text carries its own
// special tokens, and generation also stops at the format's end-of-turn token.

#include <string>
#include <vector>

#include "CompletionOutput.h"
#include "chat/InstructFormat.h"
#include "model/Generation.h"
#include "text/ByteLevelBpe.h"

namespace rlhf::cli {

struct LlamaChatOptions {
    bool chat = false;   // --chat
    std::string system;  // --system
    std::string format;  // --chat-format: empty = from tokenizer_config.json
};

// The ids of `text`, with the post-processor's special tokens when `specialTokens`; invalid UTF-8 is a
// UserError naming the option `what`.
std::vector<int> encodeOrThrow(const text::ByteLevelBpe& tokenizer, const std::string& text, const char* what,
                               bool specialTokens = false);


// {"logprob", "token_logprobs", "response_ids"}: the response's tokens after the prompt's.
void scoreModelText(const std::string& dir, const std::string& prompt, const std::string& response,
                    const std::string& device, bool json);

void generateModelText(const std::string& dir, const std::string& device, const std::string& prompt,
                       const LlamaChatOptions& chat, const model::SamplingOptions& sampling, int num,
                       const CompletionOutput& output);

}  // namespace rlhf::cli
