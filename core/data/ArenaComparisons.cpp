#include "data/ArenaComparisons.h"

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "util/AtomicFile.h"

namespace rlhf::data {

namespace {

using nlohmann::json;

struct LastExchange {
    std::string question, reply;
};

// The conversation's last user message and the assistant reply after it; none when it does not end so.
std::optional<LastExchange> lastExchange(const std::string& conversationJson) {
    const json c = json::parse(conversationJson, nullptr, false);
    if (!c.is_array() || c.size() < 2) return std::nullopt;
    const json& reply = c[c.size() - 1];
    const json& question = c[c.size() - 2];
    if (reply.value("role", "") != "assistant" || question.value("role", "") != "user") return std::nullopt;
    if (!reply["content"].is_string() || !question["content"].is_string()) return std::nullopt;
    return LastExchange{question["content"].get<std::string>(), reply["content"].get<std::string>()};
}

json message(const char* role, const std::string& content) { return {{"role", role}, {"content", content}}; }

}  // namespace

ArenaComparisonsReport arenaVotesToComparisons(Database& db, const std::string& checkpointsDirectory) {
    ArenaComparisonsReport report;
    std::filesystem::create_directories(checkpointsDirectory);
    report.file = (std::filesystem::path(checkpointsDirectory) / "arena-comparisons.jsonl").string();
    AtomicFile file(report.file);
    auto q = db.prepare("SELECT winner, conversation_a, conversation_b FROM arena_battles ORDER BY id");
    int64_t lines = 0;
    while (q.step()) {
        ++report.battles;
        const std::string winner = q.columnText(0);
        if (winner != "model_a" && winner != "model_b") {
            ++report.ties;
            continue;
        }
        const auto a = q.columnIsNull(1) ? std::nullopt : lastExchange(q.columnText(1));
        const auto b = q.columnIsNull(2) ? std::nullopt : lastExchange(q.columnText(2));
        if (!a || !b || a->question != b->question || a->reply == b->reply) {
            ++report.unpaired;
            continue;
        }
        const LastExchange& chosen = winner == "model_a" ? *a : *b;
        const LastExchange& rejected = winner == "model_a" ? *b : *a;
        const json line = {{"prompt", json::array({message("user", chosen.question)})},
                           {"chosen", json::array({message("assistant", chosen.reply)})},
                           {"rejected", json::array({message("assistant", rejected.reply)})}};
        file.stream() << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        ++lines;
    }
    q.reset();
    file.commit();
    if (lines == 0) return report;
    ImportOptions options;
    options.format = Format::TrlMessages;
    report.import = importJsonl(db, report.file, options);
    return report;
}

}  // namespace rlhf::data
