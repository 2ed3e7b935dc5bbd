#include "data/TrainingText.h"

#include <filesystem>
#include <fstream>

namespace rlhf::data {

TrainingTextReport writeTrainingText(Database& db, const std::string& path, const std::string& split) {
    const std::string tmp = path + ".partial";
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw StoreError(tmp + ": cannot create");
    // One document per prompt and response (a prompt without responses is a document on its own).
    auto q = db.prepare(
        "SELECT p.text || coalesce(r.text, '') FROM prompts p LEFT JOIN responses r ON r.prompt_id = p.id "
        "WHERE ?1 = '' OR p.split = ?1 ORDER BY p.id, r.id");
    q.bind(1, std::string_view(split));
    TrainingTextReport report;
    while (q.step()) {
        const std::string doc = q.columnText(0);
        if (report.documents > 0) out << "<|endoftext|>";
        out << doc;
        report.bytes += static_cast<int64_t>(doc.size());
        ++report.documents;
    }
    out.close();
    if (!out) throw StoreError(tmp + ": write failed");
    std::filesystem::rename(tmp, path);
    return report;
}

}  // namespace rlhf::data
