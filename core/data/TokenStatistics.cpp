#include "data/TokenStatistics.h"

#include <filesystem>

#include "text/Tokenizer.h"

namespace rlhf::data {

namespace {
bool lengths(Database& db, const char* sql, const text::Tokenizer& tokenizer, std::vector<int64_t>& out,
             const std::atomic<bool>* cancel) {
    auto q = db.prepare(sql);
    while (q.step()) {
        if (cancel && cancel->load()) return false;
        try {
            out.push_back(static_cast<int64_t>(tokenizer.encode(q.columnText(0)).size()));
        } catch (const std::invalid_argument&) {
            // imports validate UTF-8, so only hand-made rows could land here: they are left out
        }
    }
    return true;
}
}  // namespace

std::optional<TokenLengths> tokenLengthsWithLatestTokenizer(Database& db, const std::atomic<bool>* cancel) {
    namespace fs = std::filesystem;
    auto q = db.prepare("SELECT path FROM checkpoints ORDER BY created_at DESC, id DESC");
    std::optional<std::string> dir;
    while (!dir && q.step()) {
        const std::string path = q.columnText(0);
        if (text::Tokenizer::existsIn(path)) dir = path;
    }
    if (!dir) return std::nullopt;
    const auto tokenizer = text::Tokenizer::fromDirectory(*dir);
    TokenLengths out;
    out.tokenizerDirectory = *dir;
    if (!lengths(db, "SELECT text FROM prompts", tokenizer, out.prompts, cancel) ||
        !lengths(db, "SELECT text FROM responses", tokenizer, out.responses, cancel))
        return std::nullopt;
    return out;
}

}  // namespace rlhf::data
