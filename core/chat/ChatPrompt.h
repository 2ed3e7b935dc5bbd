#pragma once
// The prompt a chat model answers: the conversation so far rendered in the training data's format
// (Anthropic HH's "\n\nHuman: …\n\nAssistant:" by default), ending with the assistant's cue. When it does
// not fit the model's context, whole turns are dropped from the oldest on and the count is reported, so the
// Chat panel can show what the model no longer sees.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace rlhf::chat {

struct ChatTurn {
    enum class Role { User, Assistant };
    Role role = Role::User;
    std::string text;  // without the cue; an assistant's reply without its leading space
};

struct ChatTemplate {
    std::string user = "\n\nHuman: ";        // before each user message
    std::string assistant = "\n\nAssistant:";  // before each reply; a reply follows it after one space
    // The cues with their trailing spaces removed: where a model that goes on talking starts the next turn.
    std::vector<std::string> stopCues() const;
};

struct ChatPrompt {
    std::string text;
    size_t droppedTurns = 0;  // the oldest turns left out to fit
};

// `turns` ends with the user's message. `fits(text)` says whether a prompt leaves room for the reply.
// Throws std::invalid_argument when even the last message alone does not fit.
ChatPrompt buildChatPrompt(const std::vector<ChatTurn>& turns, const ChatTemplate& format,
                           const std::function<bool(const std::string& prompt)>& fits);

}  // namespace rlhf::chat
