#include "data/Importer.h"

#include <chrono>

#include "data/ParsedRecordStream.h"
#include "data/ArenaFile.h"
#include "data/RankingFile.h"
#include "data/RecordWriter.h"
#include "data/Schema.h"
#include "data/SearchIndex.h"
#include "util/Clock.h"

namespace rlhf::data {

ImportError::ImportError(const std::string& path, int64_t line, const std::string& reason)
    : std::runtime_error(path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + reason), line_(line) {}

namespace {

// The importer writes parents before children, with ids it has just been given, so the foreign-key
// checks (a lookup per reference: five per pair) are off for its transaction and on again after it.
// CHECK constraints stay on (schema v3 made them plain comparisons). SQLite ignores this pragma inside
// a transaction and applies it when statements are prepared: create this before the Transaction and
// the statements.
class TrustedBulkWrite {
public:
    explicit TrustedBulkWrite(Database& db) : db_(db) {
        db_.exec("PRAGMA foreign_keys = OFF");
    }
    ~TrustedBulkWrite() {
        try {
            db_.exec("PRAGMA foreign_keys = ON");
        } catch (const std::exception&) {  // a destructor must not throw; the next open restores it anyway
        }
    }
    TrustedBulkWrite(const TrustedBulkWrite&) = delete;
    TrustedBulkWrite& operator=(const TrustedBulkWrite&) = delete;

private:
    Database& db_;
};

}  // namespace

ImportReport importJsonl(Database& db, const std::string& path, const ImportOptions& options) {
    db.refuseOwnFile(path);
    if (options.format == Format::Rankings || (options.format == Format::Auto && fileLooksLikeRankings(path)))
        return importRankings(db, path, options);
    if (options.format == Format::Arena || (options.format == Format::Auto && fileLooksLikeArena(path))) return importArena(db, path, options);
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
    TrustedBulkWrite trusted(db);
    Transaction tx(db);
    const int64_t lastPrompt = db.queryInt("SELECT coalesce(max(id), 0) FROM prompts");
    const int64_t lastResponse = db.queryInt("SELECT coalesce(max(id), 0) FROM responses");
    auto insertImport = db.prepare("INSERT INTO imports(path, format, created_at) VALUES (?1, ?2, ?3)");
    insertImport.bind(1, std::string_view(path)).bind(2, std::string_view(formatName(options.format))).bind(3, unixSeconds()).run();
    const int64_t importId = db.lastInsertId();
    RecordWriter writer(db, importId, path, lastPrompt, lastResponse);
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
    writer.flush();
    report.notes = lines->notes();
    if (report.format == Format::Auto) report.format = lines->format();
    auto finish = db.prepare("UPDATE imports SET format = ?1, records = ?2, skipped = ?3, duplicates = ?4 WHERE id = ?5");
    finish.bind(1, std::string_view(formatName(report.format))).bind(2, report.records);
    finish.bind(3, static_cast<int64_t>(report.skipped.size())).bind(4, report.duplicates).bind(5, importId).run();
    deferIndexing(db, "prompts", lastPrompt);  // the first search indexes them (SearchIndex.h)
    deferIndexing(db, "responses", lastResponse);
    tx.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

}  // namespace rlhf::data
