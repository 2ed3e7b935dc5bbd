#include "data/Exporter.h"

#include <fstream>

#include "data/ArenaFile.h"
#include "data/RankingFile.h"
#include "util/AtomicFile.h"

namespace rlhf::data {

namespace {

Content contentAt(const Statement& s, int textColumn) {
    Content c;
    c.text = s.columnText(textColumn);
    if (!s.columnIsNull(textColumn + 1)) c.messages = s.columnText(textColumn + 1);
    return c;
}

// Imported pairs in import order, then the pairs rankings imply (each pair ranked apart; ties and all-bad
// judgements give none) by judgement and rank.
const char* kPairsQuery =
    "SELECT p.text, p.messages, c.text, c.messages, r.text, r.messages, x.margin, 0 AS kind, x.id AS k1, 0 AS k2, 0 AS k3, 0 AS k4, 0 AS k5 "
    "FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
    "JOIN responses c ON c.id = x.chosen_id JOIN responses r ON r.id = x.rejected_id "
    "WHERE ?1 IS NULL OR p.split = ?1 "
    "UNION ALL SELECT p.text, p.messages, c.text, c.messages, r.text, r.messages, NULL, 1, k.id, a.rank, b.rank, a.response_id, b.response_id "
    "FROM rankings k JOIN prompts p ON p.id = k.prompt_id "
    "JOIN ranking_items a ON a.ranking_id = k.id JOIN ranking_items b ON b.ranking_id = k.id AND a.rank < b.rank "
    "JOIN responses c ON c.id = a.response_id JOIN responses r ON r.id = b.response_id "
    "WHERE k.all_bad = 0 AND a.rank > 0 AND (?1 IS NULL OR p.split = ?1) ORDER BY kind, k1, k2, k3, k4, k5";
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
                                            : "SELECT (SELECT count(*) FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
                                              "WHERE ?1 IS NULL OR p.split = ?1) + (SELECT count(*) FROM rankings k JOIN prompts p "
                                              "ON p.id = k.prompt_id WHERE k.all_bad = 0 AND (?1 IS NULL OR p.split = ?1))", split);
    std::string why = std::string("no ") + (pairs ? "comparisons or ranked pairs" : "demonstrations") + where + " to export as " + formatName(format);
    if (other > 0)
        why += pairs ? "; its " + std::to_string(other) + " demonstrations export as sft, sft-messages or openai-chat"
                     : "; its " + std::to_string(other) + " comparisons and rankings export as hh, trl, trl-messages or openai-dpo";
    return why;
}

}  // namespace

bool anyComparisonMargin(Database& db, const std::optional<std::string>& split) {
    auto q = db.prepare("SELECT EXISTS (SELECT 1 FROM comparisons x JOIN prompts p ON p.id = x.prompt_id "
                        "WHERE x.margin IS NOT NULL AND (?1 IS NULL OR p.split = ?1))");
    q.bind(1, split).step();
    return q.columnInt(0) != 0;
}

ExportReport exportJsonl(Database& db, const std::string& path, Format format, const std::optional<std::string>& split,
                         bool refuseEmpty, MarginKey margins) {
    if (format == Format::Auto) throw std::invalid_argument("export needs an explicit --format");
    db.refuseOwnFile(path);
    if (format == Format::Rankings) return exportRankings(db, path, split);
    if (format == Format::Arena) {
        if (split) throw std::invalid_argument("arena battles have no split (their prompts are in the conversations)");
        return exportArena(db, path);
    }
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
            if (!query.columnIsNull(6) && margins != MarginKey::Never) r.margin = query.columnDouble(6);
            if (!r.margin && margins == MarginKey::Always) r.margin = 0.0;
        }
        try {
            out << renderRecord(format, r).dump() << '\n';
        } catch (const RecordError& e) {
            throw StoreError(path + ": cannot export record " + std::to_string(report.records + 1) + " as " + formatName(format) +
                             ": " + e.what() + " (nothing was written)");
        }
        ++report.records;
    }
    if (report.records == 0) {
        if (!refuseEmpty) return report;  // the temporary file goes with `file`
        throw StoreError(path + ": " + nothingToExport(db, pairs, format, split) + " (nothing was written)");
    }
    file.commit();
    return report;
}

}  // namespace rlhf::data
