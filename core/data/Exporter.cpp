#include "data/Exporter.h"

#include <fstream>

#include "util/AtomicFile.h"

namespace rlhf::data {

namespace {

Content contentAt(const Statement& s, int textColumn) {
    Content c;
    c.text = s.columnText(textColumn);
    if (!s.columnIsNull(textColumn + 1)) c.messages = s.columnText(textColumn + 1);
    return c;
}

const char* kPairsQuery =
    "SELECT p.text, p.messages, c.text, c.messages, r.text, r.messages, x.margin "
    "FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
    "JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id "
    "WHERE ?1 IS NULL OR p.split = ?1 ORDER BY x.id";
const char* kDemonstrationsQuery =
    "SELECT p.text, p.messages, d.text, d.messages FROM responses d JOIN prompts p ON p.id = d.prompt_id "
    "WHERE d.origin = 'demonstration' AND (?1 IS NULL OR p.split = ?1) ORDER BY d.id";

int64_t countOf(Database& db, const char* sql, const std::optional<std::string>& split) {
    auto q = db.prepare(sql);
    q.bind(1, split);
    return q.step() ? q.columnInt(0) : 0;
}

// Why an export found no record: the project (or split) has none of the kind the format holds, and
// which formats hold the kind it has.
std::string nothingToExport(Database& db, bool pairs, Format format, const std::optional<std::string>& split) {
    const std::string where = split ? " in the " + *split + " split" : "";
    const int64_t other = countOf(db, pairs ? "SELECT count(*) FROM responses d JOIN prompts p ON p.id = d.prompt_id "
                                              "WHERE d.origin = 'demonstration' AND (?1 IS NULL OR p.split = ?1)"
                                            : "SELECT count(*) FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
                                              "WHERE ?1 IS NULL OR p.split = ?1", split);
    std::string why = std::string("no ") + (pairs ? "comparisons" : "demonstrations") + where + " to export as " + formatName(format);
    if (other > 0)
        why += pairs ? "; its " + std::to_string(other) + " demonstrations export as sft or openai-chat"
                     : "; its " + std::to_string(other) + " comparisons export as hh, trl, trl-messages or openai-dpo";
    return why;
}

}  // namespace

ExportReport exportJsonl(Database& db, const std::string& path, Format format, const std::optional<std::string>& split) {
    if (format == Format::Auto) throw std::invalid_argument("export needs an explicit --format");
    if (split && *split != "train" && *split != "validation" && *split != "test")
        throw std::invalid_argument("unknown split '" + *split + "' (train, validation, test)");
    AtomicFile file(path);
    std::ofstream& out = file.stream();
    const bool pairs = isPairFormat(format);
    auto query = db.prepare(pairs ? kPairsQuery : kDemonstrationsQuery);
    query.bind(1, split);
    ExportReport report;
    report.path = path;
    while (query.step()) {
        Record r;
        r.prompt = contentAt(query, 0);
        r.chosen = contentAt(query, 2);
        if (pairs) {
            r.rejected = contentAt(query, 4);
            if (!query.columnIsNull(6)) r.margin = query.columnDouble(6);
        }
        try {
            out << renderRecord(format, r).dump() << '\n';
        } catch (const RecordError& e) {
            throw StoreError(path + ": cannot export record " + std::to_string(report.records + 1) + " as " + formatName(format) +
                             ": " + e.what() + " (nothing was written)");
        }
        ++report.records;
    }
    if (report.records == 0) throw StoreError(path + ": " + nothingToExport(db, pairs, format, split) + " (nothing was written)");
    file.commit();
    return report;
}

}  // namespace rlhf::data
