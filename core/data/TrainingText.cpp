#include "data/TrainingText.h"

#include <fstream>

#include "util/AtomicFile.h"

namespace rlhf::data {

TrainingTextReport writeTrainingText(Database& db, const std::string& path, const std::string& split) {
    AtomicFile file(path);
    std::ofstream& out = file.stream();
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
    file.commit();
    return report;
}

}  // namespace rlhf::data
