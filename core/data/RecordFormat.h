#pragma once
// The JSON-lines record formats the workbench imports and exports (architecture §7), validated strictly:
// a missing, extra or wrongly typed field is an error naming the field.
//   hh            {"chosen": DIALOGUE, "rejected": DIALOGUE}; the prompt is the common prefix up to and
//                 including the last "\n\nAssistant:" (earlier turns stay in the prompt)
//   trl           {"prompt", "chosen", "rejected"[, "margin"]} strings
//   trl-messages  the same with [{role, content}] lists
//   sft           {"prompt", "completion"}
//   sft-messages  the same with [{role, content}] lists (TRL's conversational prompt-completion)
//   openai-chat   {"messages": [...]}: the last message (assistant) is the demonstration
//   openai-dpo    {"input": {"messages"}, "preferred_output": [...], "non_preferred_output": [...]}
//   rankings      {"prompt", "responses": [...], "ranking": [[...], ...], "labeller", ...} (labelling/RankingLine.h)

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::data {

// Rankings (K-way judgements) and Arena (battles) have their own readers and writers (RankingFile,
// ArenaFile); the others are records below.
enum class Format { Auto, Hh, Trl, TrlMessages, Sft, SftMessages, OpenAiChat, OpenAiDpo, Rankings, Arena };

std::optional<Format> formatFromName(const std::string& name);
std::string formatName(Format format);
bool isPairFormat(Format format);  // preference pairs (else demonstrations)

class RecordError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A prompt or response: its text, plus the exact message list when it came as one.
struct Content {
    std::string text;
    std::optional<std::string> messages;  // compact JSON array of {role, content}
    bool operator==(const Content&) const = default;
};

// The duplicate-detection hash stored with a prompt or response: of the message list when there is one.
uint64_t contentHashOf(const Content& content);

struct Record {
    Content prompt;
    Content chosen;                  // the preferred response, or the demonstration
    std::optional<Content> rejected; // pair formats only
    std::optional<double> margin;
};

Format detectFormat(const nlohmann::json& record);  // throws RecordError naming the fields seen
Record parseRecord(Format format, const nlohmann::json& record);
nlohmann::ordered_json renderRecord(Format format, const Record& record);

// "\n\nHuman: …\n\nAssistant: …" for a message list (system turns as "System:"), ending with
// "\n\nAssistant:" when `generationCue` (prompts).
std::string renderDialogue(const nlohmann::json& messages, bool generationCue);

// A prompt (prompt = true) or a response as a [{role, content}] list: its messages when it has them, an
// HH dialogue's turns, else one user (prompt) or assistant turn holding the text (leading space dropped).
// Two contents with equal lists hold the same turns up to the framing a format adds.
nlohmann::json contentMessages(const Content& c, bool prompt);

}  // namespace rlhf::data
