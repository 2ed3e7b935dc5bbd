#include "data/ArenaFile.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/ContentHash.h"
#include "data/JsonLine.h"
#include "data/JsonlReader.h"
#include "data/RecordFormat.h"
#include "util/AtomicFile.h"
#include "util/Clock.h"

namespace rlhf::data {

namespace {

using nlohmann::json;

const char* kWinners[] = {"model_a", "model_b", "tie", "tie (bothbad)"};

struct ArenaRecord {
    std::string modelA, modelB, winner;
    std::optional<double> tstamp;
    std::optional<std::string> questionId, judge, conversationA, conversationB;
    json extra = json::object();
};

std::string textField(const json& r, const char* field) {
    if (!r.at(field).is_string()) throw RecordError(std::string("field '") + field + "' must be a string, found " + r.at(field).type_name());
    return r.at(field).get<std::string>();
}

std::optional<std::string> conversation(const json& r, const char* field) {
    if (!r.contains(field) || r[field].is_null()) return std::nullopt;
    const json& c = r[field];
    if (!c.is_array()) throw RecordError(std::string("field '") + field + "' must be a list of {role, content} messages");
    for (size_t i = 0; i < c.size(); ++i)
        if (!c[i].is_object() || !c[i].contains("role") || !c[i].contains("content"))
            throw RecordError(std::string("field '") + field + "[" + std::to_string(i) + "]' must be a {role, content} message");
    return c.dump();
}

ArenaRecord parseArenaRecord(const json& r) {
    if (!r.is_object()) throw RecordError(std::string("expected a JSON object, found ") + r.type_name());
    for (const char* f : {"model_a", "model_b", "winner"})
        if (!r.contains(f)) throw RecordError(std::string("missing field '") + f + "'");
    ArenaRecord a;
    a.modelA = textField(r, "model_a");
    a.modelB = textField(r, "model_b");
    a.winner = textField(r, "winner");
    if (a.modelA.empty() || a.modelB.empty()) throw RecordError("a model name is empty");
    if (a.modelA == a.modelB) throw RecordError("model_a and model_b are the same model ('" + a.modelA + "')");
    if (std::find(std::begin(kWinners), std::end(kWinners), a.winner) == std::end(kWinners))
        throw RecordError("field 'winner' is '" + a.winner + "': not model_a, model_b, tie or tie (bothbad)");
    if (r.contains("tstamp") && !r["tstamp"].is_null()) {
        if (!r["tstamp"].is_number()) throw RecordError("field 'tstamp' must be a number (Unix seconds)");
        a.tstamp = r["tstamp"].get<double>();
    }
    if (r.contains("question_id") && !r["question_id"].is_null())
        a.questionId = r["question_id"].is_string() ? r["question_id"].get<std::string>() : r["question_id"].dump();
    if (r.contains("judge") && !r["judge"].is_null()) a.judge = textField(r, "judge");
    a.conversationA = conversation(r, "conversation_a");
    a.conversationB = conversation(r, "conversation_b");
    for (const auto& [key, value] : r.items())
        if (key != "model_a" && key != "model_b" && key != "winner" && key != "tstamp" && key != "question_id" && key != "judge" &&
            key != "conversation_a" && key != "conversation_b")
            a.extra[key] = value;
    return a;
}

// The records of the file, each with its line (JSON lines) or its index + 1 (a JSON array), or its error.
struct RawRecord {
    int64_t line = 0;
    std::optional<json> value;
    std::string error;
};

std::vector<RawRecord> readRecords(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(path, 0, "cannot open");
    std::stringstream whole;
    whole << in.rdbuf();
    const std::string text = whole.str();
    const size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    std::vector<RawRecord> out;
    if (first != std::string::npos && text[first] == '[') {
        const json array = json::parse(text, nullptr, false);
        if (array.is_discarded() || !array.is_array()) throw ImportError(path, 0, "not a valid JSON array of battle records");
        for (size_t i = 0; i < array.size(); ++i) out.push_back({static_cast<int64_t>(i) + 1, array[i], {}});
        return out;
    }
    JsonlReader reader(path);
    for (std::string line; reader.next(line);) {
        try {
            out.push_back({reader.lineNumber(), parseJsonLine(line, reader.lastLineHadNoNewline()), {}});
        } catch (const RecordError& e) {
            out.push_back({reader.lineNumber(), std::nullopt, e.what()});
        }
    }
    return out;
}

// The record as stored, for duplicate detection: an exported battle imported again hashes the same
// (its tstamp a double, its conversations re-serialised) as the line it came from.
std::string canonicalDump(const ArenaRecord& a) {
    json c = {{"model_a", a.modelA}, {"model_b", a.modelB}, {"winner", a.winner}, {"extra", a.extra}};
    if (a.tstamp) c["tstamp"] = *a.tstamp;
    if (a.questionId) c["question_id"] = *a.questionId;
    if (a.judge) c["judge"] = *a.judge;
    if (a.conversationA) c["conversation_a"] = *a.conversationA;
    if (a.conversationB) c["conversation_b"] = *a.conversationB;
    return c.dump();
}

Statement prepareInsert(Database& db) {
    return db.prepare(
        "INSERT INTO arena_battles(model_a, model_b, winner, tstamp, question_id, judge, conversation_a, conversation_b, extra, record_hash, import_id, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
}

void insertRecord(Statement& insert, const ArenaRecord& a, int64_t hash, std::optional<int64_t> importId, double now) {
    insert.bind(1, std::string_view(a.modelA)).bind(2, std::string_view(a.modelB)).bind(3, std::string_view(a.winner)).bind(4, a.tstamp);
    insert.bind(5, a.questionId).bind(6, a.judge).bind(7, a.conversationA).bind(8, a.conversationB);
    insert.bind(9, a.extra.empty() ? std::optional<std::string>() : std::optional<std::string>(a.extra.dump()));
    insert.bind(10, hash).bind(12, now);
    if (importId) insert.bind(11, *importId);
    else insert.bindNull(11);
    insert.run();
}

std::optional<std::string> nullableText(const Statement& q, int c) { return q.columnIsNull(c) ? std::nullopt : std::optional<std::string>(q.columnText(c)); }

}  // namespace

bool fileLooksLikeArena(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string start(4096, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<size_t>(in.gcount()));
    const size_t a = start.find("\"model_a\""), b = start.find("\"winner\"");
    return a != std::string::npos && b != std::string::npos && start.find("\"responses\"") == std::string::npos;
}

ImportReport importArena(Database& db, const std::string& path, const ImportOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto records = readRecords(path);
    if (records.empty()) throw ImportError(path, 0, "no records (the file is empty)");
    ImportReport report;
    report.path = path;
    report.format = Format::Arena;
    Transaction tx(db);
    db.prepare("INSERT INTO imports(path, format, created_at) VALUES (?1, 'arena', ?2)").bind(1, std::string_view(path)).bind(2, unixSeconds()).run();
    const int64_t importId = db.lastInsertId();
    auto seen = db.prepare("SELECT count(*) FROM arena_battles WHERE record_hash = ?1");
    auto insert = prepareInsert(db);
    const double now = unixSeconds();
    for (const auto& raw : records) {
        if (options.cancel && options.cancel->load()) throw ImportError(path, 0, "import cancelled; nothing was imported");
        ArenaRecord a;
        try {
            if (!raw.value) throw RecordError(raw.error);
            a = parseArenaRecord(*raw.value);
        } catch (const RecordError& e) {
            if (options.onError == OnError::Abort) throw ImportError(path, raw.line, e.what());
            report.skipped.push_back({raw.line, e.what()});
            continue;
        }
        const auto hash = static_cast<int64_t>(contentHash("arena", canonicalDump(a)));
        seen.bind(1, hash);
        const bool duplicate = seen.step() && seen.columnInt(0) > 0;
        seen.reset();
        if (duplicate) {
            ++report.duplicates;
            if (report.duplicateLines.size() < 100) report.duplicateLines.push_back(raw.line);
            continue;
        }
        insertRecord(insert, a, hash, importId, now);
        ++report.records;
        ++report.battles;
    }
    db.prepare("UPDATE imports SET records = ?1, skipped = ?2, duplicates = ?3 WHERE id = ?4")
        .bind(1, report.records).bind(2, static_cast<int64_t>(report.skipped.size())).bind(3, report.duplicates).bind(4, importId).run();
    tx.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

int64_t recordArenaBattle(Database& db, const nlohmann::json& record) {
    const ArenaRecord a = parseArenaRecord(record);
    Transaction tx(db);
    auto insert = prepareInsert(db);
    insertRecord(insert, a, static_cast<int64_t>(contentHash("arena", canonicalDump(a))), std::nullopt, unixSeconds());
    const int64_t id = db.lastInsertId();
    tx.commit();
    return id;
}

ExportReport exportArena(Database& db, const std::string& path) {
    AtomicFile file(path);
    ExportReport report;
    report.path = path;
    auto q = db.prepare("SELECT model_a, model_b, winner, tstamp, question_id, judge, conversation_a, conversation_b, extra "
                        "FROM arena_battles ORDER BY id");
    while (q.step()) {
        nlohmann::ordered_json o{{"model_a", q.columnText(0)}, {"model_b", q.columnText(1)}, {"winner", q.columnText(2)}};
        if (!q.columnIsNull(3)) o["tstamp"] = q.columnDouble(3);
        if (const auto v = nullableText(q, 4)) o["question_id"] = *v;
        if (const auto v = nullableText(q, 5)) o["judge"] = *v;
        if (const auto v = nullableText(q, 6)) o["conversation_a"] = nlohmann::ordered_json::parse(*v);
        if (const auto v = nullableText(q, 7)) o["conversation_b"] = nlohmann::ordered_json::parse(*v);
        if (const auto v = nullableText(q, 8)) {
            const auto extra = nlohmann::ordered_json::parse(*v);  // kept: the loop iterates it
            for (const auto& [key, value] : extra.items()) o[key] = value;
        }
        file.stream() << o.dump() << '\n';
        ++report.records;
    }
    if (report.records == 0) throw StoreError(path + ": no arena battles to export (nothing was written)");
    file.commit();
    return report;
}

ArenaBattles readArenaBattles(Database& db) {
    ArenaBattles out;
    std::map<std::string, int> index;
    const auto model = [&](const std::string& name) {
        const auto [it, added] = index.emplace(name, static_cast<int>(out.models.size()));
        if (added) out.models.push_back(name);
        return it->second;
    };
    struct Row {
        arena::Battle battle;
        std::optional<double> tstamp;
    };
    std::vector<Row> rows;
    auto q = db.prepare("SELECT model_a, model_b, winner, tstamp FROM arena_battles ORDER BY id");
    while (q.step()) {
        const std::string w = q.columnText(2);
        const arena::Winner winner = w == "model_a" ? arena::Winner::A : w == "model_b" ? arena::Winner::B : w == "tie" ? arena::Winner::Tie : arena::Winner::BothBad;
        const int a = model(q.columnText(0)), b = model(q.columnText(1));
        rows.push_back({{a, b, winner}, q.columnIsNull(3) ? std::nullopt : std::optional<double>(q.columnDouble(3))});
    }
    // Timed battles are sorted (stably) into the places timed battles held; untimed ones stay put.
    std::vector<size_t> timedPlaces;
    std::vector<Row> timed;
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].tstamp) timedPlaces.push_back(i), timed.push_back(rows[i]);
    std::stable_sort(timed.begin(), timed.end(), [](const Row& x, const Row& y) { return *x.tstamp < *y.tstamp; });
    for (size_t k = 0; k < timedPlaces.size(); ++k) rows[timedPlaces[k]] = timed[k];
    for (const auto& r : rows) out.battles.push_back(r.battle);
    return out;
}

}  // namespace rlhf::data
