#pragma once
// `rlhf chat --json`: the Chat panel's engine protocol (docs/chat.md).
//   stdin, a JSON line each:
//     {"id": N, "turns": [{"role": "user"|"assistant", "text": …}, …], optional "max_new_tokens",
//      "temperature", "top_k", "top_p", "greedy", "seed", "user_cue", "assistant_cue"}
//                                                           — write the reply to the last user turn
//     {"op": "stop", "id": N}                               — end that reply (no id: the one being written)
//   stdout, a JSON line each:
//     {"event": "ready", "model", "context", "device"}       once the model is loaded
//     {"id", "event": "token", "text", "p", "top": [[text, p], …]}   as the reply is written
//     {"id", "event": "done", "text", "tokens", "end", "dropped_turns"}
//                                                           end: eos | cue | length | stopped; the oldest
//                                                           dropped_turns turns did not fit the context
//     {"id", "event": "error", "message"}                   a request that could not be answered
// Requests are answered one at a time in order. A reader thread takes stdin so that "stop" is seen while a
// reply is being written; only the main thread writes stdout.

#include "ChatReplies.h"

namespace rlhf::cli {

void serveJsonRequests(ChatModel& model, const ChatOptions& options);

}  // namespace rlhf::cli
