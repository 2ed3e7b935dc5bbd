// The project file: schema and migrations, every import format's round trip, bad input (abort leaves
// the file byte-for-byte unchanged; skip reports every line), duplicates and splits.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <set>
#include <fstream>

#include "TestData.h"
#include "TestPrinters.h"
#include "data/ProjectStore.h"
#include "data/JsonLine.h"
#include "data/RecordFormat.h"
#include "data/Schema.h"
#include "data/Splits.h"

using namespace rlhf::data;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Every row that an import creates, as text, ids left out (they differ between projects).
std::string dumpRows(ProjectStore& store) {
    std::string out;
    auto q = store.database().prepare(
        "SELECT p.text, coalesce(p.messages, '-'), p.split, r.text, coalesce(r.messages, '-'), r.origin, "
        "coalesce((SELECT group_concat(coalesce(x.margin, 'null') || ':' || rr.text, '|') FROM comparisons x "
        "JOIN responses rr ON rr.id = x.rejected_id WHERE x.chosen_id = r.id), '') "
        "FROM responses r JOIN prompts p ON p.id = r.prompt_id ORDER BY p.text, r.text");
    while (q.step())
        for (int c = 0; c < 7; ++c) out += q.columnText(c) + (c == 6 ? "\n" : "\x1f");
    return out;
}

const char* kFormats[] = {"hh", "trl", "trl-messages", "sft", "sft-messages", "openai-chat", "openai-dpo"};

// The comparisons and demonstrations of a project as turns (roles and texts, the framing a format adds
// left out: contentMessages), sorted: equal for two projects that hold the same data.
std::vector<std::string> turnsOf(ProjectStore& store) {
    auto content = [](const Statement& q, int column) {
        Content c{q.columnText(column), std::nullopt};
        if (!q.columnIsNull(column + 1)) c.messages = q.columnText(column + 1);
        return c;
    };
    std::vector<std::string> rows;
    auto pairs = store.database().prepare(
        "SELECT p.text, p.messages, c.text, c.messages, r.text, r.messages FROM comparisons x "
        "JOIN prompts p ON p.id = x.prompt_id JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id");
    while (pairs.step())
        rows.push_back("pair " + contentMessages(content(pairs, 0), true).dump() + " > " + contentMessages(content(pairs, 2), false).dump() +
                       " / " + contentMessages(content(pairs, 4), false).dump());
    auto demos = store.database().prepare(
        "SELECT p.text, p.messages, d.text, d.messages FROM responses d JOIN prompts p ON p.id = d.prompt_id "
        "WHERE d.origin = 'demonstration'");
    while (demos.step())
        rows.push_back("demo " + contentMessages(content(demos, 0), true).dump() + " : " + contentMessages(content(demos, 2), false).dump());
    std::sort(rows.begin(), rows.end());
    return rows;
}

// Sample files (multi-turn, non-ASCII) in tests/data/formats/FORMAT.jsonl.
std::string sample(const std::string& format) { return rlhf::test::readData("formats/" + format + ".jsonl"); }


}  // namespace

// JSON the fast and the fallback parser must agree on (kept out of the test class: moc's parser
// stumbles over raw strings full of braces).
std::vector<std::string> jsonEdgeCases() {
    return {
        "{\"a\": \"caf\\u00e9 \\ud83d\\ude00 \u4e1c\u4eac\", \"b\": [1, -2, 3.25, 1e300, 18446744073709551615, true, null]}",
        "{\"k\": 1, \"k\": 2, \"nested\": {\"x\": [[], {}, [{\"y\": \"z\"}]]}}",
        "  {\"space\": \"\\t\\n\\\"\\\\\"}  ",
        "{\"big\": 123456789012345678901234567890}",
        std::string(3000, '[') + std::string(3000, ']'),
    };
}

std::string jsonLineError(const std::string& line) {
    try {
        rlhf::data::parseJsonLine(line, false);
    } catch (const rlhf::data::RecordError& e) {
        return e.what();
    }
    return "no error";
}

// Schema v3 rewrote each CHECK (x IN (...)) as an OR chain: same rows refused and accepted, no
// temporary table per inserted row, and a file SQLite still finds intact.
static void checkConstraintsAreComparisons(Database& db) {
    QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%CHECK (% IN (%'"), int64_t(0));
    // prompts, runs, responses, votes, and arena_battles (v6) and search_pending (v7), written in that form
    QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%CHECK (%=%OR%'"), int64_t(6));
    auto check = db.prepare("PRAGMA integrity_check");
    QVERIFY(check.step());
    QCOMPARE(check.columnText(0), std::string("ok"));
    db.exec("BEGIN");  // rolled back: the rows are not in the full-text index, so they must not be deleted
    db.exec("INSERT INTO prompts(id, text, hash, split, created_at) VALUES (100, 'a', 1, 'validation', 0)");
    db.exec("INSERT INTO prompts(id, text, hash, split, created_at) VALUES (101, 'b', 2, NULL, 0)");
    db.exec("INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (100, 'r', 3, 'model', 0)");
    db.exec("INSERT INTO runs(kind, status, created_at) VALUES ('dpo', 'failed', 0)");
    db.exec("INSERT INTO runs(kind, status, created_at) VALUES ('dpo', 'paused', 0)");       // version 4
    db.exec("INSERT INTO runs(kind, status, created_at) VALUES ('sft', 'interrupted', 0)");
    db.exec("INSERT INTO votes(left_author, right_author, winner, created_at) VALUES ('a', 'b', 'both_bad', 0)");
    for (const char* bad : {"INSERT INTO prompts(text, hash, split, created_at) VALUES ('c', 4, 'holdout', 0)",
                            "INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (100, 'r', 5, 'Model', 0)",
                            "INSERT INTO runs(kind, status, created_at) VALUES ('dpo', 'Paused', 0)",
                            "INSERT INTO runs(kind, status, created_at) VALUES ('grpo', 'queued', 0)",
                            "INSERT INTO votes(left_author, right_author, winner, created_at) VALUES ('a', 'b', 'draw', 0)"})
        QVERIFY_THROWS_EXCEPTION(StoreError, db.exec(bad));
    auto explain = db.prepare("EXPLAIN INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (1, 'x', 1, 'import', 0)");
    while (explain.step()) QVERIFY(explain.columnText(1) != "OpenEphemeral");
    db.exec("ROLLBACK");
}

class ProjectStoreTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    int counter_ = 0;

    fs::path fresh(const std::string& stem) { return tmp_ / (stem + std::to_string(++counter_) + ".rlhf"); }
    fs::path write(const std::string& name, const std::string& content) {
        std::ofstream(tmp_ / name, std::ios::binary) << content;
        return tmp_ / name;
    }
    std::string importError(const fs::path& project, const fs::path& file) {
        auto store = ProjectStore::open(project.string(), true);
        try {
            store->importFile(file.string(), {});
        } catch (const ImportError& e) {
            return e.what();
        }
        return "no error";
    }

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-store-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void newProjectHasTheSchema() {
        auto store = ProjectStore::open(fresh("new").string(), true);
        Database& db = store->database();
        QCOMPARE(db.queryInt("PRAGMA user_version"), int64_t(currentSchemaVersion()));
        QCOMPARE(db.queryInt("PRAGMA foreign_keys"), int64_t(1));
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.columnText(0), std::string("wal"));
        for (const char* table : {"prompts", "responses", "tags", "prompt_tags", "labellers", "labelling_sessions",
                                  "rankings", "ranking_items", "comparisons", "runs", "metrics", "samples",
                                  "checkpoints", "chats", "chat_messages", "votes", "imports", "prompts_fts"}) {
            auto q = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
            q.bind(1, std::string_view(table));
            QVERIFY(q.step());
            QVERIFY2(q.columnInt(0) == 1, table);
        }
        QVERIFY(fs::is_directory(store->checkpointsDirectory()));
    }

    void migratesFromEveryEarlierVersion() {
        for (int from = 0; from < currentSchemaVersion(); ++from) {
            const fs::path p = fresh("old");
            {
                Database db(p.string(), true);
                migrate(db, from);
                QCOMPARE(db.queryInt("PRAGMA user_version"), int64_t(from));
                if (from >= 1) {  // a prompt written and indexed by the old version
                    db.exec("INSERT INTO prompts(id, text, hash, created_at) VALUES (7, 'an old zebra', 1, 0)");
                    db.exec("INSERT INTO prompts_fts(rowid, text) VALUES (7, 'an old zebra')");
                }
            }
            auto store = ProjectStore::open(p.string(), false);
            QCOMPARE(store->stats().schemaVersion, currentSchemaVersion());
            if (from >= 1)  // still found after the migration rebuilt the index
                QCOMPARE(store->database().queryInt("SELECT rowid FROM prompts_fts WHERE prompts_fts MATCH 'zebra'"), int64_t(7));
            checkConstraintsAreComparisons(store->database());
        }
        checkConstraintsAreComparisons(ProjectStore::open(fresh("new-checks").string(), true)->database());
    }


    void refusesNewerAndForeignFiles() {
        const fs::path newer = fresh("newer");
        { Database(newer.string(), true).exec("PRAGMA user_version = 99"); }
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(newer.string(), false));
        const fs::path foreign = fresh("foreign");
        { Database(foreign.string(), true).exec("CREATE TABLE x(y)"); }
        try {
            ProjectStore::open(foreign.string(), false);
            QFAIL("opened a foreign SQLite file");
        } catch (const StoreError& e) {
            QVERIFY2(std::string(e.what()).find("not an RLHF Workbench project") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open((tmp_ / "missing.rlhf").string(), false));
    }

    void everyFormatRoundTrips() {
        for (const char* format : kFormats) {
            const fs::path input = write(std::string(format) + ".jsonl", sample(format));
            auto a = ProjectStore::open(fresh("a").string(), true);
            ImportOptions options;
            const auto report = a->importFile(input.string(), options);
            QCOMPARE(formatName(report.format), std::string(format));  // auto-detected
            QVERIFY(report.records > 0);
            const fs::path exported = tmp_ / (std::string(format) + ".out.jsonl");
            a->exportFile(exported.string(), *formatFromName(format), std::nullopt);
            auto b = ProjectStore::open(fresh("b").string(), true);
            options.format = *formatFromName(format);
            b->importFile(exported.string(), options);
            QCOMPARE(dumpRows(*b), dumpRows(*a));
        }
    }

    // Data from any format, exported in every format of its kind (pairs or demonstrations), re-imports into
    // an equal project up to the framing the target adds (trl pairs as hh did not re-import); a format of
    // the other kind is refused with the formats that fit, and nothing is written.
    void everyExportReimportsWhateverTheSource() {
        const std::set<std::string> pairFormats = {"hh", "trl", "trl-messages", "openai-dpo"};
        for (const char* source : kFormats) {
            auto a = ProjectStore::open(fresh("src").string(), true);
            a->importFile(write(std::string(source) + ".jsonl", sample(source)).string(), {});
            const auto want = turnsOf(*a);
            QVERIFY(!want.empty());
            for (const char* target : kFormats) {
                const fs::path out = tmp_ / (std::string(source) + "-as-" + target + ".jsonl");
                const std::string context = std::string(source) + " as " + target;
                if (pairFormats.count(source) != pairFormats.count(target)) {
                    const std::string kind = pairFormats.count(target) ? "comparisons or ranked pairs" : "demonstrations";
                    try {
                        a->exportFile(out.string(), *formatFromName(target), std::nullopt);
                        QFAIL(("no refusal: " + context).c_str());
                    } catch (const StoreError& e) {
                        QVERIFY2(std::string(e.what()).find(out.string() + ": no " + kind + " to export as " + target + "; its ") == 0, e.what());
                    }
                    QVERIFY(!fs::exists(out) && !fs::exists(out.string() + ".partial"));
                    continue;
                }
                a->exportFile(out.string(), *formatFromName(target), std::nullopt);
                auto b = ProjectStore::open(fresh("dst").string(), true);
                ImportOptions options;
                options.format = *formatFromName(target);
                b->importFile(out.string(), options);
                QVERIFY2(turnsOf(*b) == want, context.c_str());
            }
        }
    }

    // Message lists and HH dialogues are conversational, prompt/completion records standard; a project
    // holding both is told it mixes the two formats.
    void conversationalAndStandardPromptsAreCounted() {
        auto a = ProjectStore::open(fresh("kinds").string(), true);
        a->importFile(write("hh.jsonl", sample("hh")).string(), {});
        a->importFile(write("openai-chat.jsonl", sample("openai-chat")).string(), {});
        QCOMPARE(a->stats().conversationalPrompts, int64_t(3));
        QVERIFY(!a->stats().mixesPromptFormats());
        QCOMPARE(promptFormatWarning(a->stats()), std::string());
        a->importFile(write("sft.jsonl", sample("sft")).string(), {});
        const auto s = a->stats();
        QCOMPARE(s.prompts, int64_t(5));
        QVERIFY(s.mixesPromptFormats());
        QVERIFY2(promptFormatWarning(s).find("3 conversational prompts are rendered as") == 0, promptFormatWarning(s).c_str());
    }

    // An export onto a folder, or into a folder that does not exist, says so and leaves nothing behind.
    void exportToAFolderIsRefusedCleanly() {
        auto a = ProjectStore::open(fresh("dir").string(), true);
        a->importFile(write("sft.jsonl", sample("sft")).string(), {});
        const fs::path folder = tmp_ / "a-folder";
        fs::create_directories(folder);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, a->exportFile(folder.string(), Format::Sft, std::nullopt));
        try {
            a->exportFile(folder.string(), Format::Sft, std::nullopt);
        } catch (const std::runtime_error& e) {
            QCOMPARE(std::string(e.what()), folder.string() + ": is a folder; give the name of a file to write");
        }
        QVERIFY(!fs::exists(folder.string() + ".partial"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, a->exportFile((tmp_ / "no-such" / "x.jsonl").string(), Format::Sft, std::nullopt));
        QVERIFY(!fs::exists(tmp_ / "no-such"));
    }

    void hhPromptIsTheCommonPrefixUpToTheLastAssistantTurn() {
        auto store = ProjectStore::open(fresh("hh").string(), true);
        store->importFile(write("hh.jsonl", sample("hh")).string(), {});
        auto q = store->database().prepare("SELECT text FROM prompts ORDER BY id LIMIT 1");
        QVERIFY(q.step());
        QCOMPARE(q.columnText(0), std::string("\n\nHuman: Hi there\n\nAssistant: Hello!\n\nHuman: Wie geht's? 東京\n\nAssistant:"));
        QCOMPARE(store->stats().comparisons, int64_t(2));
        QCOMPARE(store->stats().responses, int64_t(4));
    }

    void abortedImportLeavesTheFileByteForByteUnchanged() {
        const fs::path project = fresh("abort");
        { ProjectStore::open(project.string(), true)->importFile(write("ok.jsonl", sample("trl")).string(), {}); }
        const std::string before = bytesOf(project);
        const fs::path bad = write("bad.jsonl", "{\"prompt\": \"a\", \"chosen\": \"b\", \"rejected\": \"c\"}\n"
                                               "{\"prompt\": \"d\", \"chosen\": \"e\", \"rejected\": \"f\"}\n"
                                               "{\"prompt\": \"g\", \"chosen\": 7, \"rejected\": \"h\"}\n");
        QCOMPARE(importError(project, bad), (bad.string() + ":3: field 'chosen' must be a string, found number"));
        QCOMPARE(bytesOf(project), before);
        QCOMPARE(ProjectStore::open(project.string(), false)->stats().comparisons, int64_t(2));
    }

    // The project's own file (or SQLite's -wal beside it) is neither an export's target, which the rename
    // would replace with its export, nor an import's source; the project stays as it was.
    void theProjectsOwnFileIsNoDataFile() {
        const fs::path project = fresh("own");
        auto a = ProjectStore::open(project.string(), true);
        a->importFile(write("hh.jsonl", sample("hh")).string(), {});
        const auto before = dumpRows(*a);
        for (const std::string target : {project.string(), project.string() + "-wal", (project.parent_path() / "." / project.filename()).string()}) {
            try {
                a->exportFile(target, Format::Trl, std::nullopt);
                QFAIL(("exported over " + target).c_str());
            } catch (const StoreError& e) {
                QVERIFY2(std::string(e.what()) == target + ": is this project's own file, not data to import or export (choose another file)", e.what());
            }
        }
        QVERIFY_THROWS_EXCEPTION(StoreError, a->importFile(project.string(), {}));
        QCOMPARE(dumpRows(*ProjectStore::open(project.string(), false)), before);
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("content");  // bytes: invalid UTF-8 must survive
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid-json") << QByteArray("{\"prompt\": \"a\", \"completion\": }\n") << ":1: invalid JSON at byte 31";
        QTest::newRow("missing-field") << QByteArray("{\"prompt\": \"a\", \"completion\": \"b\"}\n{\"prompt\": \"a\"}\n") << ":2: missing field 'completion'";
        QTest::newRow("extra-field") << QByteArray("{\"prompt\": \"a\", \"completion\": \"b\", \"id\": 3}\n") << ":1: unexpected field 'id'";
        QTest::newRow("invalid-utf8") << QByteArray("{\"prompt\": \"a\xff\", \"completion\": \"b\"}\n") << ":1: invalid UTF-8";
        QTest::newRow("truncated") << QByteArray("{\"prompt\": \"a\", \"completion\": \"b\"}\n{\"prompt\": \"a\", \"compl") << ":2: invalid JSON at byte 23 (the file ends inside this line: truncated?)";
        QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10) << ":1: binary data at byte 1: not a JSON-lines text file";
        QTest::newRow("empty") << QByteArray("") << ": no records (the file is empty)";
        QTest::newRow("undetectable") << QByteArray("{\"question\": \"a\"}\n") << ":1: cannot detect the format from the fields {question}";
        QTest::newRow("hh-no-common-prompt") << QByteArray("{\"chosen\": \"\\n\\nHuman: a\\n\\nAssistant: b\", \"rejected\": \"\\n\\nHuman: c\\n\\nAssistant: d\"}\n")
                                             << ":1: fields 'chosen' and 'rejected' differ before";
        QTest::newRow("messages-role") << QByteArray("{\"messages\": [{\"role\": \"robot\", \"content\": \"x\"}, {\"role\": \"assistant\", \"content\": \"y\"}]}\n")
                                       << ":1: field 'messages[0].role' must be system, user or assistant";
        QTest::newRow("sft-messages-completion-role")
            << QByteArray("{\"prompt\": [{\"role\": \"user\", \"content\": \"x\"}], \"completion\": [{\"role\": \"user\", \"content\": \"y\"}]}\n")
            << ":1: field 'completion' must hold assistant messages, found \"user\"";
    }
    void badInput() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const fs::path file = write("input.jsonl", std::string(content.constData(), static_cast<size_t>(content.size())));
        const std::string what = importError(fresh("bad"), file);
        QVERIFY2(what.rfind(file.string(), 0) == 0 && what.find(expected.toStdString()) != std::string::npos, what.c_str());
    }

    void toleratedQuirksAreNoted() {
        const fs::path file = write("quirks.jsonl", "\xEF\xBB\xBF{\"prompt\": \"a\", \"completion\": \"b\"}\r\n\r\n   \r\n{\"prompt\": \"c\", \"completion\": \"d\"}");
        auto store = ProjectStore::open(fresh("quirks").string(), true);
        const auto report = store->importFile(file.string(), {});
        QCOMPARE(report.records, int64_t(2));  // no final newline is fine when the JSON is complete
        QCOMPARE(report.notes, (std::vector<std::string>{"line 1: UTF-8 byte order mark ignored", "line 1: CRLF line ends accepted",
                                                        "line 2: blank lines skipped"}));
    }

    void fiftyMegabyteLine() {
        const std::string big(50 << 20, 'x');
        const fs::path file = write("big.jsonl", "{\"prompt\": \"long\", \"completion\": \"" + big + "\"}\n");
        auto store = ProjectStore::open(fresh("big").string(), true);
        QCOMPARE(store->importFile(file.string(), {}).records, int64_t(1));
        auto q = store->database().prepare("SELECT length(text) FROM responses");
        QVERIFY(q.step());
        QCOMPARE(q.columnInt(0), int64_t(big.size()));
    }

    void skipModeReportsEveryBadLine() {
        const fs::path file = write("mixed.jsonl", "{\"prompt\": \"a\", \"completion\": \"b\"}\nnot json\n"
                                                   "{\"prompt\": \"c\"}\n{\"prompt\": \"d\", \"completion\": \"e\"}\n");
        auto store = ProjectStore::open(fresh("skip").string(), true);
        ImportOptions options;
        options.onError = OnError::Skip;
        const auto report = store->importFile(file.string(), options);
        QCOMPARE(report.records, int64_t(2));
        QCOMPARE(report.skipped.size(), size_t(2));
        QCOMPARE(report.skipped[0].line, int64_t(2));
        QCOMPARE(report.skipped[1].line, int64_t(3));
        QCOMPARE(report.skipped[1].reason, std::string("missing field 'completion'"));
    }

    void exactDuplicatesAreReportedNotDoubled() {
        const fs::path file = write("dup.jsonl", sample("trl") + sample("trl"));
        auto store = ProjectStore::open(fresh("dup").string(), true);
        auto first = store->importFile(file.string(), {});
        QCOMPARE(first.records, int64_t(2));
        QCOMPARE(first.duplicates, int64_t(2));
        QCOMPARE(first.duplicateLines, (std::vector<int64_t>{3, 4}));
        const std::string rows = dumpRows(*store);
        QCOMPARE(store->importFile(file.string(), {}).duplicates, int64_t(4));
        QCOMPARE(dumpRows(*store), rows);
        // Foreign keys are back on after the import (it turns them off for its own rows); CHECKs never went off.
        QCOMPARE(store->database().queryInt("PRAGMA foreign_keys"), int64_t(1));
        QCOMPARE(store->database().queryInt("PRAGMA ignore_check_constraints"), int64_t(0));
        QVERIFY_THROWS_EXCEPTION(StoreError, store->database().exec(
            "INSERT INTO prompts(text, hash, split, created_at) VALUES ('x', 1, 'holdout', 0)"));
        QVERIFY_THROWS_EXCEPTION(StoreError, store->database().exec(
            "INSERT INTO responses(prompt_id, text, hash, origin, created_at) VALUES (999999, 'x', 1, 'import', 0)"));
    }

    // The fast parser (simdjson, when built with it) gives exactly what nlohmann gives, and what it
    // rejects nlohmann decides: numbers of every kind, escapes, duplicate keys, deep nesting.
    void jsonLinesParseAsNlohmannDoes() {
        for (const auto& line : jsonEdgeCases()) QCOMPARE(parseJsonLine(line, false).dump(), nlohmann::json::parse(line).dump());
        QCOMPARE(jsonLineError("{\"a\": \"\xff\"}"), std::string("invalid UTF-8 at byte 8"));
        QVERIFY(jsonLineError("{\"a\": \"\\ud800\"}").find("invalid JSON") == 0);
        QVERIFY(jsonLineError("{\"a\": 1} x").find("invalid JSON at byte 10") == 0);
    }

    // A pair whose two responses are equal stores the response once, also under a prompt that is new.
    void pairWithEqualResponsesStoresOneResponse() {
        const fs::path file = write("same.jsonl", "{\"prompt\": \"p\", \"chosen\": \"same\", \"rejected\": \"same\"}\n");
        auto store = ProjectStore::open(fresh("same").string(), true);
        QCOMPARE(store->importFile(file.string(), {}).pairs, int64_t(1));
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM responses"), int64_t(1));
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM comparisons WHERE chosen_id = rejected_id"), int64_t(1));
    }

    // Lines are parsed ahead on another thread, in batches: errors far into a file still name their
    // line, abort still leaves the project unchanged, and skip reports every bad line in order.
    void badLinesDeepInALargeFile() {
        std::string lines;
        for (int i = 1; i <= 5000; ++i)
            lines += i % 1700 == 0 ? "{\"prompt\": \"p\"}\n"
                                   : "{\"prompt\": \"p" + std::to_string(i) + "\", \"completion\": \"c\"}\n";
        const fs::path file = write("large.jsonl", lines);
        const fs::path project = fresh("large");
        QCOMPARE(importError(project, file), file.string() + ":1700: missing field 'completion'");
        auto store = ProjectStore::open(project.string(), false);
        QCOMPARE(store->database().queryInt("SELECT count(*) FROM prompts"), int64_t(0));
        QCOMPARE(store->database().queryInt("PRAGMA foreign_keys"), int64_t(1));
        ImportOptions skip;
        skip.onError = OnError::Skip;
        const auto report = store->importFile(file.string(), skip);
        QCOMPARE(report.records, int64_t(4998));
        QCOMPARE(report.skipped.size(), size_t(2));
        QCOMPARE(report.skipped[0].line, int64_t(1700));
        QCOMPARE(report.skipped[1].line, int64_t(3400));
        QCOMPARE(report.format, Format::Sft);
    }

    void splitsArePerPromptSeededAndStable() {
        std::string lines;
        for (int i = 0; i < 400; ++i) lines += "{\"prompt\": \"p" + std::to_string(i) + "\", \"completion\": \"c\"}\n";
        const fs::path file = write("many.jsonl", lines);
        auto a = ProjectStore::open(fresh("split").string(), true);
        auto b = ProjectStore::open(fresh("split").string(), true);
        a->importFile(file.string(), {});
        b->importFile(file.string(), {});
        QCOMPARE(a->stats().promptsPerSplit, b->stats().promptsPerSplit);
        a->assignSplits(parseSplitRatios("0.5,0.25,0.25"), 7);
        const auto counts = a->stats().promptsPerSplit;
        QCOMPARE(counts, (std::map<std::string, int64_t>{{"test", 100}, {"train", 200}, {"validation", 100}}));
        a->assignSplits(parseSplitRatios("0.5,0.25,0.25"), 7);
        QCOMPARE(a->stats().promptsPerSplit, counts);
        const fs::path train = tmp_ / "train.jsonl", test = tmp_ / "test.jsonl";
        QCOMPARE(a->exportFile(train.string(), Format::Sft, "train").records, counts.at("train"));
        QCOMPARE(a->exportFile(test.string(), Format::Sft, "test").records, counts.at("test"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseSplitRatios("1,2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a->assignSplits(parseSplitRatios("0.8,0.1,0.2"), 7));
        a->assignSplits(parseSplitRatios("0.5,0.25,0.25"), 8);  // another seed, other prompts, the same shares
        QCOMPARE(a->stats().promptsPerSplit, counts);
    }

    // Each split gets its share within one prompt (0.8/0.1/0.1 of 50: 40/5/5, where hashing alone gave
    // anything from 33/10/7 to 45/2/3), whatever the seed.
    void splitCountsAreTheSharesWithinOnePrompt() {
        using Counts = std::array<int64_t, 3>;
        QCOMPARE(splitCounts(50, parseSplitRatios("0.8,0.1,0.1")), (Counts{40, 5, 5}));
        QCOMPARE(splitCounts(7, parseSplitRatios("0.5,0.25,0.25")), (Counts{3, 2, 2}));  // 3.5/1.75/1.75: the larger remainders
        QCOMPARE(splitCounts(3, parseSplitRatios("0.9,0.05,0.05")), (Counts{3, 0, 0}));
        QCOMPARE(splitCounts(0, parseSplitRatios("0.9,0.05,0.05")), (Counts{0, 0, 0}));
    }
};

QTEST_APPLESS_MAIN(ProjectStoreTest)
#include "ProjectStoreTest.moc"
