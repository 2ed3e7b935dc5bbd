#include "data/RankingFile.h"

#include <chrono>
#include <fstream>

#include "data/JsonLine.h"
#include "data/JsonlReader.h"
#include "data/LabellingPackage.h"
#include "data/RankingStore.h"
#include "labelling/RankingLine.h"
#include "util/AtomicFile.h"
#include "util/Clock.h"

namespace rlhf::data {

namespace {

// Writes one parsed line; false when it added nothing (a duplicate judgement, an item already there).
bool writeLine(RankingStore& store, labelling::RankingLine& line, const std::string& source, double importTime, ImportReport& report) {
    bool created = false;
    std::vector<int> order;
    const LabelItem item = store.ensureItem(line.prompt, line.responses, line.origins, source, created, order);
    if (created) ++report.newItems;
    if (!line.judgement) return created;
    labelling::Judgement j = labelling::reindexed(*line.judgement, order);
    j.createdAt = importTime;
    switch (store.record(item.id, j)) {
    case JudgementOutcome::Added: ++report.judgements; return true;
    case JudgementOutcome::Replaced: ++report.judgements, ++report.replaced; return true;
    case JudgementOutcome::Duplicate:
    case JudgementOutcome::KeptNewer: return false;
    }
    return false;
}

}  // namespace

bool fileLooksLikeRankings(const std::string& path) {
    try {
        JsonlReader reader(path);
        std::string text;
        if (!reader.next(text)) return false;
        return labelling::looksLikeRankingLine(parseJsonLine(text, reader.lastLineHadNoNewline()));
    } catch (const std::exception&) {
        return false;
    }
}

ImportReport importRankings(Database& db, const std::string& path, const ImportOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<JsonlReader> reader;
    try {
        reader = std::make_unique<JsonlReader>(path);
    } catch (const std::invalid_argument& e) {
        throw ImportError(path, 0, e.what());
    }
    ImportReport report;
    report.path = path;
    report.format = Format::Rankings;
    Transaction tx(db);
    const int64_t promptsBefore = db.queryInt("SELECT count(*) FROM prompts");
    db.prepare("INSERT INTO imports(path, format, created_at) VALUES (?1, 'rankings', ?2)").bind(1, std::string_view(path)).bind(2, unixSeconds()).run();
    const int64_t importId = db.lastInsertId();
    RankingStore store(db);
    const double importTime = unixSeconds();
    std::string text;
    int64_t nonBlank = 0;
    while (reader->next(text)) {
        ++nonBlank;
        if (options.cancel && options.cancel->load()) throw ImportError(path, 0, "import cancelled; nothing was imported");
        labelling::RankingLine line;
        try {
            line = labelling::parseRankingLine(parseJsonLine(text, reader->lastLineHadNoNewline()));
        } catch (const RecordError& e) {
            if (options.onError == OnError::Abort) throw ImportError(path, reader->lineNumber(), e.what());
            report.skipped.push_back({reader->lineNumber(), e.what()});
            continue;
        }
        if (writeLine(store, line, path, importTime, report)) {
            ++report.records;
        } else {
            ++report.duplicates;
            if (report.duplicateLines.size() < 100) report.duplicateLines.push_back(reader->lineNumber());
        }
        if (options.progress) options.progress(reader->bytesRead(), reader->totalBytes());
    }
    if (nonBlank == 0) throw ImportError(path, 0, "no records (the file is empty)");
    report.notes = reader->notes();
    report.newPrompts = db.queryInt("SELECT count(*) FROM prompts") - promptsBefore;
    auto finish = db.prepare("UPDATE imports SET records = ?1, skipped = ?2, duplicates = ?3 WHERE id = ?4");
    finish.bind(1, report.records).bind(2, static_cast<int64_t>(report.skipped.size())).bind(3, report.duplicates).bind(4, importId).run();
    refreshPackageDigest(db);
    tx.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

ExportReport exportRankings(Database& db, const std::string& path, const std::optional<std::string>& split) {
    if (split && *split != "train" && *split != "validation" && *split != "test")
        throw std::invalid_argument("unknown split '" + *split + "' (train, validation, test)");
    AtomicFile file(path);
    std::ofstream& out = file.stream();
    ExportReport report;
    report.path = path;
    RankingStore(db).forEachItem([&](const LabelItem& item, const std::vector<labelling::Judgement>& judgements) {
        if (split && item.split != *split) return;
        labelling::RankingLine line{item.prompt, item.responses, item.origins, std::nullopt};
        if (judgements.empty()) {
            out << labelling::renderRankingLine(line).dump() << '\n';
            ++report.records;
        }
        for (const auto& j : judgements) {
            line.judgement = j;
            out << labelling::renderRankingLine(line).dump() << '\n';
            ++report.records;
        }
    });
    if (report.records == 0)
        throw StoreError(path + ": no ranking items" + (split ? " in the " + *split + " split" : std::string()) +
                         " to export as rankings (nothing was written)");
    file.commit();
    return report;
}

}  // namespace rlhf::data
