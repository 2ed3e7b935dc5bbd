#pragma once
// `rlhf score` and `rlhf generate` on texts for Llama-family directories: the model (LlamaCheckpoint) with
// the tokenizer beside it (text::Tokenizer: byte-level BPE for Llama-3, Qwen2, SmolLM; SentencePiece for
// Llama-2, TinyLlama). A prompt is encoded as
// transformers encodes it with add_special_tokens (Llama-3's <|begin_of_text|> first); with --chat it is
// a user message rendered in the model's chat format (InstructFormat), whose text carries its own
// special tokens, and generation also stops at the format's end-of-turn token.

#include <string>
#include <vector>

#include "CompletionOutput.h"
#include "chat/InstructFormat.h"
#include "model/Generation.h"
#include "text/Tokenizer.h"

namespace rlhf::cli {

struct LlamaChatOptions {
    bool chat = false;   // --chat
    std::string system;  // --system
    std::string format;  // --chat-format: empty = from tokenizer_config.json
};

// How a text is encoded: as it is, with the post-processor's special tokens (a prompt), or as the
// continuation of a text already encoded (a response: text::Tokenizer::encodeContinuation).
enum class TextRole { Plain, Prompt, Continuation };
// The ids of `text`; invalid UTF-8 is a UserError naming the option `what`.
std::vector<int> encodeOrThrow(const text::Tokenizer& tokenizer, const std::string& text, const char* what,
                               TextRole role = TextRole::Plain);

// The chat format of the model in `dir`: `chosen` (--chat-format) or the one its template names. A UserError
// starting with `prefix` when neither gives one; a warning on stderr when the tokenizer lacks the format's
// marker tokens (a format chosen for a model trained on another), which the text would split into pieces.
chat::InstructFormat chatFormatOrThrow(const std::string& dir, const std::string& chosen, const text::Tokenizer& tokenizer,
                                       const std::string& prefix);

// {"logprob", "token_logprobs", "response_ids"}: the response's tokens after the prompt's.
void scoreModelText(const std::string& dir, const std::string& prompt, const std::string& response,
                    const std::string& device, const std::string& precision, bool json);

// `precision`: --precision (DeviceOption's inferenceDtype).
void generateModelText(const std::string& dir, const std::string& device, const std::string& precision, const std::string& prompt,
                       const LlamaChatOptions& chat, const model::SamplingOptions& sampling, int num,
                       const CompletionOutput& output);

}  // namespace rlhf::cli
