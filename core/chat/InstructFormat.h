#pragma once
// The chat markup an instruction-tuned checkpoint was trained on, rendered as transformers'
// apply_chat_template renders the Jinja template in its tokenizer_config.json, for the formats small
// current checkpoints use, without a Jinja engine:
//   ChatML  <|im_start|>role\ncontent<|im_end|>\n …, cue <|im_start|>assistant\n (SmolLM, Qwen2 — whose
//           template adds a default system message when the conversation has none);
//   Llama-3 <|begin_of_text|> then <|start_header_id|>role<|end_header_id|>\n\ncontent (trimmed)<|eot_id|>,
//           cue <|start_header_id|>assistant<|end_header_id|>\n\n; Llama-3.1/3.2's templates open every
//           conversation with a dated system block ("Cutting Knowledge Date: December 2023\nToday Date:
//           26 Jul 2024\n\n" and the system message, if any), the date Llama-3.1's fixed default or, for
//           Llama-3.2, the day's (transformers' strftime_now);
//   Llama-2 <s>[INST] <<SYS>>\nsystem\n<</SYS>>\n\nuser [/INST] reply </s> (contents stripped, roles
//           alternating user/assistant; the prompt ends with [/INST], so it needs no cue);
//   Zephyr  <|role|>\ncontent</s>\n …, cue <|assistant|>\n.
// The format comes from the template's markers (detectInstructFormat) or from the user.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rlhf::text {
class Tokenizer;
}

namespace rlhf::chat {

enum class InstructKind { ChatMl, Llama3, Llama2, Zephyr };

struct ChatMessage {
    std::string role;     // system, user or assistant
    std::string content;
};

struct InstructFormat {
    InstructKind kind = InstructKind::ChatMl;
    std::string defaultSystem;  // ChatML: the system message added when there is none (Qwen2); empty: none
    std::string bosToken, eosToken;  // tokenizer_config.json's, used by Llama-2 / Llama-3 / Zephyr
    // Llama-3.1/3.2's dated system block: the knowledge date ("December 2023"; empty: no block, plain
    // Llama-3) and the template's default date_string ("26 Jul 2024"), used unless dateFromClock
    // (Llama-3.2's template asks strftime_now for the day, as transformers renders it: todayDateString).
    std::string knowledgeDate, todayDate;
    bool dateFromClock = false;

    // Throws std::invalid_argument for a role the format does not know, or (Llama-2) roles that do not
    // alternate, with the message as transformers raises it.
    std::string render(const std::vector<ChatMessage>& messages, bool addGenerationPrompt) const;
    // The tokens that end an assistant's turn: generation stops at them.
    std::vector<std::string> endOfTurnTokens() const;
    // The special tokens the rendering writes into the text: the turn markers, and the BOS/EOS it puts there.
    std::vector<std::string> markerTokens() const;
};

// Today's date as transformers' strftime_now("%d %b %Y") writes it in Llama-3.2's template ("03 Dec 2026",
// local time, English month).
std::string todayDateString();

// The ids of the format's end-of-turn tokens the tokenizer has (generation stops at them).
std::vector<int> endOfTurnIds(const InstructFormat& format, const text::Tokenizer& tokenizer);

// The format's marker tokens that are not single tokens of `tokenizer` (a format chosen for a model trained
// on another): the text splits them into ordinary pieces, and a reply cannot stop at an end-of-turn id.
std::vector<std::string> missingMarkerTokens(const InstructFormat& format, const text::Tokenizer& tokenizer);

// "chatml", "llama-3", "llama-2", "zephyr" (and the other way round); nullopt for another name.
std::optional<InstructKind> instructKindNamed(std::string_view name);
std::string instructKindName(InstructKind kind);
std::string instructKindNames();  // for messages: "chatml, llama-3, llama-2, zephyr"

// The format of a Jinja chat template, from its markers; nullopt when it is none of these, or a
// template these renderings would not match (Phi-3's <|end|>). A ChatML template's default system
// message, and Llama-3.1/3.2's dates, are read from it.
std::optional<InstructFormat> detectInstructFormat(const std::string& jinjaTemplate);

// The format of the model in `dir`: `chosen` (a name above) when not empty, else detected from
// tokenizer_config.json's chat_template (a string, or a list of {name, template} whose "default" is
// taken; without one, the chat_template.jinja newer transformers save beside it), with its bos_token
// and eos_token. Throws std::invalid_argument naming the file and what to do
// when neither says.
InstructFormat instructFormatForModel(const std::string& dir, const std::string& chosen = {});

// The Jinja chat template of the model in `dir` (tokenizer_config.json's chat_template, as above), whatever
// its format; empty when the directory has none. Throws std::invalid_argument for an unreadable file.
std::string chatTemplateOfModel(const std::string& dir);

}  // namespace rlhf::chat
