#pragma once
// The "arena" format (docs/formats.md): Chatbot Arena's battle records, a JSON array or JSON lines, each
// {"model_a", "model_b", "winner": "model_a" | "model_b" | "tie" | "tie (bothbad)"} with optional
// "tstamp" (Unix seconds), "question_id", "judge", "conversation_a", "conversation_b" (lists of
// {role, content}); any other fields are kept and written back. Import is one transaction; a record
// identical to one already in the project is a duplicate. Export writes JSON lines in the order the
// battles came.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "arena/ArenaRatings.h"
#include "data/Database.h"
#include "data/Exporter.h"
#include "data/Importer.h"

namespace rlhf::data {

// Whether the file starts like arena records (for --format auto); false when unreadable.
bool fileLooksLikeArena(const std::string& path);

ImportReport importArena(Database& db, const std::string& path, const ImportOptions& options);

// A battle voted in the app, stored as an imported record is (the same fields and duplicate hash), so
// export → import recognises it. `record` is an arena record ({"model_a", "model_b", "winner", "tstamp",
// "judge", "conversation_a", "conversation_b"}), checked as import checks one: throws RecordError.
// Returns the battle's id; commits before it returns.
int64_t recordArenaBattle(Database& db, const nlohmann::json& record);
ExportReport exportArena(Database& db, const std::string& path);

// The project's battles as the leaderboard reads them: model names (in order of first appearance) and
// battles in time order — by tstamp, a stable sort among the battles that have one; a battle without one
// keeps its place in the order they came.
struct ArenaBattles {
    std::vector<std::string> models;
    std::vector<arena::Battle> battles;
};
ArenaBattles readArenaBattles(Database& db);

}  // namespace rlhf::data
