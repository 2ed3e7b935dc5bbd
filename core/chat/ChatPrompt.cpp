#include "chat/ChatPrompt.h"

#include <stdexcept>

namespace rlhf::chat {

namespace {

std::string withoutTrailingSpaces(std::string cue) {
    while (!cue.empty() && cue.back() == ' ') cue.pop_back();
    return cue;
}

std::string render(const std::vector<ChatTurn>& turns, size_t from, const ChatTemplate& format) {
    std::string text;
    for (size_t i = from; i < turns.size(); ++i) {
        if (turns[i].role == ChatTurn::Role::User) text += format.user + turns[i].text;
        else text += format.assistant + " " + turns[i].text;
    }
    return text + format.assistant;
}

}  // namespace

std::vector<std::string> ChatTemplate::stopCues() const {
    std::vector<std::string> cues;
    for (const auto& cue : {withoutTrailingSpaces(user), withoutTrailingSpaces(assistant)})
        if (!cue.empty()) cues.push_back(cue);
    return cues;
}

ChatPrompt buildChatPrompt(const std::vector<ChatTurn>& turns, const ChatTemplate& format,
                           const std::function<bool(const std::string& prompt)>& fits) {
    if (turns.empty() || turns.back().role != ChatTurn::Role::User)
        throw std::invalid_argument("a chat prompt ends with the user's message");
    for (size_t from = 0; from < turns.size(); ++from) {
        if (turns[from].role != ChatTurn::Role::User) continue;  // the model always sees a whole exchange
        std::string text = render(turns, from, format);
        if (fits(text)) return {std::move(text), from};
    }
    throw std::invalid_argument("the message is too long for the model's context with room for a reply");
}

}  // namespace rlhf::chat
