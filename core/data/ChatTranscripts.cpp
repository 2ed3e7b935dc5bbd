#include "data/ChatTranscripts.h"

#include <algorithm>
#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

#include "util/AtomicFile.h"
#include "util/Clock.h"

namespace rlhf::data {

namespace {

std::string localTime(double unixSeconds) {
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", std::localtime(&t));
    return text;
}

// The models that replied in a chat, in order of their first reply.
std::vector<std::string> authorsOf(const ChatRecord& chat) {
    std::vector<std::string> authors;
    for (const auto& m : chat.messages)
        if (m.role == "assistant" && std::find(authors.begin(), authors.end(), m.author) == authors.end()) authors.push_back(m.author);
    return authors;
}

// The author's side of a chat: each user message the author answered, then the answer (a message it did
// not answer — it failed, or joined later — is not part of what it saw).
nlohmann::ordered_json sideOf(const ChatRecord& chat, const std::string& author) {
    nlohmann::ordered_json messages = nlohmann::ordered_json::array();
    const ChatMessage* question = nullptr;
    for (const auto& m : chat.messages) {
        if (m.role == "user") {
            question = &m;
        } else if (m.author == author && question) {
            messages.push_back({{"role", "user"}, {"content", question->text}});
            messages.push_back({{"role", "assistant"}, {"content", m.text}});
            question = nullptr;
        }
    }
    return messages;
}

}  // namespace

int64_t ChatTranscripts::create(const std::string& title, const std::string& settingsJson) {
    db_.prepare("INSERT INTO chats(title, settings, created_at) VALUES (?1, ?2, ?3)")
        .bind(1, std::string_view(title)).bind(2, std::string_view(settingsJson)).bind(3, unixSeconds()).run();
    return db_.lastInsertId();
}

void ChatTranscripts::append(int64_t chatId, const std::vector<ChatMessage>& messages, const std::optional<ChatDescription>& description) {
    Transaction tx(db_);
    if (description)
        db_.prepare("UPDATE chats SET title = ?2, settings = ?3 WHERE id = ?1")
            .bind(1, chatId).bind(2, std::string_view(description->title)).bind(3, std::string_view(description->settings)).run();
    auto last = db_.prepare("SELECT coalesce(max(position), -1) FROM chat_messages WHERE chat_id = ?1");
    last.bind(1, chatId).step();
    int64_t position = last.columnInt(0);
    last.reset();
    auto insert = db_.prepare("INSERT INTO chat_messages(chat_id, position, role, author, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const auto& m : messages)
        insert.bind(1, chatId).bind(2, ++position).bind(3, std::string_view(m.role)).bind(4, std::string_view(m.author))
            .bind(5, std::string_view(m.text)).bind(6, m.createdAt > 0 ? m.createdAt : unixSeconds()).run();
    tx.commit();
}

std::vector<ChatRecord> ChatTranscripts::chats() {
    std::vector<ChatRecord> out;
    std::map<int64_t, size_t> index;
    auto q = db_.prepare("SELECT id, title, settings, created_at FROM chats ORDER BY id");
    while (q.step()) {
        index[q.columnInt(0)] = out.size();
        out.push_back({q.columnInt(0), q.columnText(1), q.columnText(2), q.columnDouble(3), {}});
    }
    auto m = db_.prepare("SELECT chat_id, role, author, text, created_at FROM chat_messages ORDER BY chat_id, position");
    while (m.step())
        if (const auto at = index.find(m.columnInt(0)); at != index.end())
            out[at->second].messages.push_back({m.columnText(1), m.columnText(2), m.columnText(3), m.columnDouble(4)});
    return out;
}

int64_t ChatTranscripts::count() {
    auto q = db_.prepare("SELECT count(*) FROM chats");
    q.step();
    return q.columnInt(0);
}

size_t ChatTranscripts::exportJsonLines(const std::string& path) {
    db_.refuseOwnFile(path);
    AtomicFile file(path);
    const auto all = chats();
    for (const auto& chat : all)
        for (const auto& author : authorsOf(chat)) {
            nlohmann::ordered_json messages = sideOf(chat, author);
            nlohmann::ordered_json line = {{"chat", chat.id}, {"title", chat.title}, {"model", author},
                                           {"created_at", chat.createdAt}, {"messages", messages}};
            file.stream() << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
    file.commit();
    return all.size();
}

size_t ChatTranscripts::exportMarkdown(const std::string& path) {
    db_.refuseOwnFile(path);
    AtomicFile file(path);
    const auto all = chats();
    auto& out = file.stream();
    for (const auto& chat : all) {
        out << "# Chat " << chat.id << ": " << chat.title << "\n\n_" << localTime(chat.createdAt) << "_\n\n";
        for (const auto& m : chat.messages) {
            std::string text = m.text;
            for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 3)) text.replace(at, 1, "  \n");  // a Markdown line break
            out << "**" << (m.role == "user" ? std::string("You") : m.author) << ":** " << text << "\n\n";
        }
    }
    file.commit();
    return all.size();
}

}  // namespace rlhf::data
