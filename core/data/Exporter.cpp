#include "data/Exporter.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "util/FileSync.h"

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

}  // namespace

ExportReport exportJsonl(Database& db, const std::string& path, Format format, const std::optional<std::string>& split) {
    if (format == Format::Auto) throw std::invalid_argument("export needs an explicit --format");
    if (split && *split != "train" && *split != "validation" && *split != "test")
        throw std::invalid_argument("unknown split '" + *split + "' (train, validation, test)");
    const std::string tmp = path + ".partial";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw StoreError(tmp + ": cannot create: " + std::strerror(errno));
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
        out << renderRecord(format, r).dump() << '\n';
        ++report.records;
    }
    out.close();
    if (!out) throw StoreError(tmp + ": write failed: " + std::strerror(errno));
    fsyncPath(tmp);
    std::filesystem::rename(tmp, path);
    return report;
}

}  // namespace rlhf::data
