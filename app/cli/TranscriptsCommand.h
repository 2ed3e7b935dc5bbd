#pragma once
// rlhf transcripts PROJECT [--export OUT] [--json]: the Chat panel's transcripts kept in the project — a
// line per transcript (id, title, messages, time), or all of them written to OUT: Markdown when OUT ends
// in .md, else JSON lines (one per transcript and model; docs/chat.md).

namespace CLI {
class App;
}

namespace rlhf::cli {

void addTranscriptsCommand(CLI::App& app);

}  // namespace rlhf::cli
