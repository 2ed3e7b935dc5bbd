#include "data/Demonstrations.h"

namespace rlhf::data {

std::vector<Demonstration> readDemonstrations(Database& db, const std::string& split) {
    auto q = db.prepare(
        "SELECT p.text, d.text FROM responses d JOIN prompts p ON p.id = d.prompt_id "
        "WHERE d.origin = 'demonstration' AND (?1 = '' OR p.split = ?1) ORDER BY d.id");
    q.bind(1, std::string_view(split));
    std::vector<Demonstration> out;
    while (q.step()) out.push_back({q.columnText(0), q.columnText(1)});
    return out;
}

}  // namespace rlhf::data
