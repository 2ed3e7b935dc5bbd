#include "data/PromptTexts.h"

namespace rlhf::data {

std::vector<std::string> readPromptTexts(Database& db, const std::string& split) {
    auto q = db.prepare("SELECT text FROM prompts WHERE ?1 = '' OR split = ?1 ORDER BY id");
    q.bind(1, std::string_view(split));
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.columnText(0));
    return out;
}

}  // namespace rlhf::data
