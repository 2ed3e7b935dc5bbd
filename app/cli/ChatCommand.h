#pragma once
// rlhf chat [PROJECT] --model RUN|DIR: a conversation with a model that stays loaded between messages.
// For people: each line read is a message, the reply streams back. With --json it is the Chat panel's
// engine (docs/chat.md): a JSON line per request on stdin (the whole conversation, so the caller owns the
// history), JSON lines of events back — each token with its probability and the likeliest alternatives,
// then the reply. {"op":"stop"} ends the reply being written; the end of stdin ends the process.

namespace CLI {
class App;
}

namespace rlhf::cli {

void addChatCommand(CLI::App& app);

}  // namespace rlhf::cli
