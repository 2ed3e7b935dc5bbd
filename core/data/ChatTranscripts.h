#pragma once
// The Chat panel's conversations, kept in the project (tables chats and chat_messages): one chat per
// conversation, its messages in order — the user's, then each model's reply, authored by the model's name.
// Each exchange is committed as it ends, so a transcript is never lost half-way. Exported as JSON lines
// (one line per chat and model: that model's side of the conversation as a message list, the form the
// importers read — the user messages it answered and its answers) or as Markdown for people.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct ChatMessage {
    std::string role;  // "user" or "assistant"
    std::string author;  // "user", or the model that wrote the reply
    std::string text;
    double createdAt = 0;
};

struct ChatDescription {
    std::string title, settings;  // settings: JSON
};

struct ChatRecord {
    int64_t id = 0;
    std::string title, settings;  // settings: JSON (the columns, their sampling settings)
    double createdAt = 0;
    std::vector<ChatMessage> messages;
};

class ChatTranscripts {
public:
    explicit ChatTranscripts(Database& db) : db_(db) {}

    int64_t create(const std::string& title, const std::string& settingsJson);
    // Appends messages after the chat's last one, in one transaction; with `description` the chat takes its
    // new title and settings (a column joined it) in the same one.
    void append(int64_t chatId, const std::vector<ChatMessage>& messages,
                const std::optional<ChatDescription>& description = std::nullopt);
    std::vector<ChatRecord> chats();  // oldest first, with their messages
    int64_t count();

    // Both write the file atomically; return the number of chats written.
    size_t exportJsonLines(const std::string& path);
    size_t exportMarkdown(const std::string& path);

private:
    Database& db_;
};

}  // namespace rlhf::data
