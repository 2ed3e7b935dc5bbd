#include "TranscriptsCommand.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "data/ChatTranscripts.h"
#include "data/ProjectStore.h"

namespace rlhf::cli {

namespace {

struct TranscriptsOptions {
    std::string project, out;
    bool json = false;
};

bool endsWith(const std::string& s, const std::string& tail) { return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0; }

void runTranscripts(const TranscriptsOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    data::ChatTranscripts transcripts(store->database());
    if (!o.out.empty()) {
        const bool markdown = endsWith(o.out, ".md");
        const size_t n = markdown ? transcripts.exportMarkdown(o.out) : transcripts.exportJsonLines(o.out);
        printResult({{"transcripts", n}, {"format", markdown ? "markdown" : "jsonl"}, {"path", o.out}}, o.json);
        return;
    }
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& chat : transcripts.chats())
        list.push_back({{"id", chat.id}, {"title", chat.title}, {"messages", chat.messages.size()}, {"created_at", chat.createdAt}});
    if (o.json) {
        printJsonLine({{"transcripts", list}});
        return;
    }
    if (list.empty()) std::cout << "no transcripts yet (the Chat panel keeps each conversation)\n";
    for (const auto& t : list)
        std::cout << t["id"].get<int64_t>() << "  " << t["title"].get<std::string>() << "  (" << t["messages"].get<size_t>() << " messages)\n";
}

}  // namespace

void addTranscriptsCommand(CLI::App& app) {
    auto o = std::make_shared<TranscriptsOptions>();
    CLI::App* cmd = app.add_subcommand("transcripts", "The Chat panel's transcripts: list them, or --export OUT (.md: Markdown, else JSON lines)");
    cmd->add_option("PROJECT", o->project)->required();
    cmd->add_option("--export", o->out, "Write every transcript to this file");
    cmd->add_flag("--json", o->json);
    cmd->callback([o] { runTranscripts(*o); });
}

}  // namespace rlhf::cli
