#include "data/Importer.h"

#include <sqlite3.h>

#include <chrono>
#include <unordered_set>

#include "data/ParsedRecordStream.h"
#include "data/Schema.h"
#include "data/Splits.h"
#include "util/Clock.h"

namespace rlhf::data {

ImportError::ImportError(const std::string& path, int64_t line, const std::string& reason)
    : std::runtime_error(path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + reason), line_(line) {}

namespace {

// The prepared statements of one import, and the rules for reusing prompts and responses.
class RecordWriter {
public:
    // `projectHadPrompts` false (a first import) lets new prompts skip the lookup unless their hash was
    // already seen in this file.
    RecordWriter(Database& db, int64_t importId, const std::string& source, bool projectHadPrompts)
        : db_(db), importId_(importId), source_(source), projectHadPrompts_(projectHadPrompts),
          findPrompt_(db.prepare("SELECT id, text, messages FROM prompts WHERE hash = ?1")),
          insertPrompt_(db.prepare("INSERT INTO prompts(text, messages, hash, source, import_id, split, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")),
          findResponse_(db.prepare("SELECT id, text, messages FROM responses WHERE prompt_id = ?1 AND hash = ?2 AND origin = ?3")),
          insertResponse_(db.prepare("INSERT INTO responses(prompt_id, text, messages, hash, origin, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
          insertComparison_(db.prepare("INSERT OR IGNORE INTO comparisons(prompt_id, chosen_id, rejected_id, margin, import_id) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)")),
          splits_(readSplitSettings(db)) {}

    // Returns false when the record duplicates one already in the project.
    bool write(const ParsedLine& line, ImportReport& report) {
        const Record& r = *line.record;
        bool newPrompt = false;
        const int64_t prompt = promptId(r.prompt, line.promptHash, report, newPrompt);
        if (!r.rejected) {
            bool added = false;
            responseId(prompt, r.chosen, line.chosenHash, "demonstration", !newPrompt, &added);
            if (added) ++report.demonstrations;
            return added;
        }
        const uint64_t chosenHash = line.chosenHash, rejectedHash = line.rejectedHash;
        const int64_t chosen = responseId(prompt, r.chosen, chosenHash, "import", !newPrompt, nullptr);
        // Under a new prompt the rejected response can only repeat the chosen one.
        const int64_t rejected = responseId(prompt, *r.rejected, rejectedHash, "import",
                                            !newPrompt || rejectedHash == chosenHash, nullptr);
        insertComparison_.bind(1, prompt).bind(2, chosen).bind(3, rejected).bind(4, r.margin).bind(5, importId_).run();
        if (sqlite3_changes(db_.handle()) == 0) return false;
        ++report.pairs;
        return true;
    }

private:
    // The prompt's id, inserting it when new (then `created` is set).
    int64_t promptId(const Content& c, uint64_t hash, ImportReport& report, bool& created) {
        created = false;
        const bool mayExist = projectHadPrompts_ || !hashesThisImport_.insert(hash).second;
        if (mayExist) findPrompt_.bind(1, static_cast<int64_t>(hash));
        while (mayExist && findPrompt_.step()) {
            if (findPrompt_.columnText(1) == c.text &&
                (findPrompt_.columnIsNull(2) ? !c.messages : c.messages && findPrompt_.columnText(2) == *c.messages)) {
                const int64_t id = findPrompt_.columnInt(0);
                findPrompt_.reset();
                return id;
            }
        }
        findPrompt_.reset();
        insertPrompt_.bindStatic(1, c.text).bind(2, c.messages).bind(3, static_cast<int64_t>(hash));
        insertPrompt_.bindStatic(4, source_).bind(5, importId_);
        insertPrompt_.bindStatic(6, splitFor(hash, splits_.seed, splits_.ratios)).bind(7, createdAt_).run();
        ++report.newPrompts;
        created = true;
        return db_.lastInsertId();
    }

    // `mayExist` false (a prompt created by this record) skips the lookup.
    int64_t responseId(int64_t prompt, const Content& c, uint64_t hash, const char* origin, bool mayExist, bool* added) {
        if (mayExist) findResponse_.bind(1, prompt).bind(2, static_cast<int64_t>(hash)).bind(3, std::string_view(origin));
        while (mayExist && findResponse_.step()) {
            if (findResponse_.columnText(1) == c.text &&
                (findResponse_.columnIsNull(2) ? !c.messages : c.messages && findResponse_.columnText(2) == *c.messages)) {
                const int64_t id = findResponse_.columnInt(0);
                findResponse_.reset();
                if (added) *added = false;
                return id;
            }
        }
        findResponse_.reset();
        insertResponse_.bind(1, prompt).bindStatic(2, c.text).bind(3, c.messages);
        insertResponse_.bind(4, static_cast<int64_t>(hash)).bindStatic(5, origin).bind(6, createdAt_).run();
        if (added) *added = true;
        return db_.lastInsertId();
    }

    Database& db_;
    int64_t importId_;
    std::string source_;
    bool projectHadPrompts_;
    std::unordered_set<uint64_t> hashesThisImport_;  // prompt hashes seen in this file (first imports only)
    Statement findPrompt_, insertPrompt_, findResponse_, insertResponse_, insertComparison_;
    SplitSettings splits_;
    double createdAt_ = unixSeconds();  // one time for the whole import
};

// The importer writes parents before children, with ids it has just been given, so the foreign-key
// checks (a lookup per reference: five per pair) are off for its transaction and on again after it.
// SQLite ignores the pragma inside a transaction, so this must be created before the Transaction.
class ForeignKeyChecksOff {
public:
    explicit ForeignKeyChecksOff(Database& db) : db_(db) { db_.exec("PRAGMA foreign_keys = OFF"); }
    ~ForeignKeyChecksOff() {
        try {
            db_.exec("PRAGMA foreign_keys = ON");
        } catch (const std::exception&) {  // a destructor must not throw; the next open turns them on anyway
        }
    }
    ForeignKeyChecksOff(const ForeignKeyChecksOff&) = delete;
    ForeignKeyChecksOff& operator=(const ForeignKeyChecksOff&) = delete;

private:
    Database& db_;
};

}  // namespace

ImportReport importJsonl(Database& db, const std::string& path, const ImportOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    auto lines = [&] {
        try {
            return std::make_unique<ParsedRecordStream>(path, options.format);
        } catch (const std::invalid_argument& e) {
            throw ImportError(path, 0, e.what());
        }
    }();
    ImportReport report;
    report.path = path;
    report.format = options.format;
    ForeignKeyChecksOff noForeignKeyChecks(db);
    Transaction tx(db);
    const int64_t lastPrompt = db.queryInt("SELECT coalesce(max(id), 0) FROM prompts");
    const int64_t lastResponse = db.queryInt("SELECT coalesce(max(id), 0) FROM responses");
    auto insertImport = db.prepare("INSERT INTO imports(path, format, created_at) VALUES (?1, ?2, ?3)");
    insertImport.bind(1, std::string_view(path)).bind(2, std::string_view(formatName(options.format))).bind(3, unixSeconds()).run();
    const int64_t importId = db.lastInsertId();
    RecordWriter writer(db, importId, path, lastPrompt > 0);
    ParsedLine line;
    uint64_t lastProgress = 0;
    int64_t nonBlank = 0;
    while (lines->next(line)) {
        ++nonBlank;
        if (options.cancel && options.cancel->load()) throw ImportError(path, 0, "import cancelled; nothing was imported");
        if (!line.record) {
            if (options.onError == OnError::Abort) throw ImportError(path, line.lineNumber, line.error);
            report.skipped.push_back({line.lineNumber, line.error});
        } else if (writer.write(line, report)) {
            ++report.records;
        } else {
            ++report.duplicates;
            if (report.duplicateLines.size() < 100) report.duplicateLines.push_back(line.lineNumber);
        }
        if (options.progress && line.bytesRead - lastProgress > (1u << 20)) {
            lastProgress = line.bytesRead;
            options.progress(line.bytesRead, lines->totalBytes());
        }
    }
    if (nonBlank == 0) throw ImportError(path, 0, "no records (the file is empty)");
    report.notes = lines->notes();
    if (report.format == Format::Auto) report.format = lines->format();
    auto finish = db.prepare("UPDATE imports SET format = ?1, records = ?2, skipped = ?3, duplicates = ?4 WHERE id = ?5");
    finish.bind(1, std::string_view(formatName(report.format))).bind(2, report.records);
    finish.bind(3, static_cast<int64_t>(report.skipped.size())).bind(4, report.duplicates).bind(5, importId).run();
    indexNewRows(db, "prompts", lastPrompt);
    indexNewRows(db, "responses", lastResponse);
    tx.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

}  // namespace rlhf::data
