#include "data/RecordWriter.h"

#include <sqlite3.h>

#include "util/Clock.h"

namespace rlhf::data {

namespace {

SqlValue nullable(std::optional<std::string>& text) { return text ? SqlValue(std::move(*text)) : SqlValue(); }
SqlValue nullable(const std::optional<double>& value) { return value ? SqlValue(*value) : SqlValue(); }

// The id of the first row of `find` (bound; columns id, text, messages) that holds exactly `c`, or 0.
// Resets `find` either way.
int64_t firstWithContent(Statement& find, const Content& c) {
    int64_t id = 0;
    while (id == 0 && find.step())
        if (find.columnText(1) == c.text &&
            (find.columnIsNull(2) ? !c.messages : c.messages && find.columnText(2) == *c.messages))
            id = find.columnInt(0);
    find.reset();
    return id;
}

}  // namespace

RecordWriter::RecordWriter(Database& db, int64_t importId, const std::string& source, int64_t lastPromptId,
                           int64_t lastResponseId)
    : db_(db), importId_(importId), source_(source), projectHadPrompts_(lastPromptId > 0),
      nextPromptId_(lastPromptId + 1), nextResponseId_(lastResponseId + 1),
      findPrompt_(db.prepare("SELECT id, text, messages FROM prompts WHERE hash = ?1")),
      findResponse_(db.prepare("SELECT id, text, messages FROM responses WHERE prompt_id = ?1 AND hash = ?2 AND origin = ?3")),
      insertComparison_(db.prepare("INSERT OR IGNORE INTO comparisons(prompt_id, chosen_id, rejected_id, margin, import_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)")),
      prompts_(db, "INSERT OR FAIL INTO prompts(id, text, messages, hash, source, import_id, split, created_at)", 8),
      responses_(db, "INSERT OR FAIL INTO responses(id, prompt_id, text, messages, hash, origin, created_at)", 7),
      newComparisons_(db, "INSERT OR FAIL INTO comparisons(prompt_id, chosen_id, rejected_id, margin, import_id)", 5),
      splits_(readSplitSettings(db)), createdAt_(unixSeconds()) {}

void RecordWriter::flush() {
    prompts_.flush();
    responses_.flush();
    newComparisons_.flush();
}

bool RecordWriter::write(ParsedLine& line, ImportReport& report) {
    Record& r = *line.record;
    bool newPrompt = false, newChosen = false, newRejected = false;
    const int64_t prompt = promptId(r.prompt, line.promptHash, report, newPrompt);
    if (!r.rejected) {
        responseId(prompt, r.chosen, line.chosenHash, "demonstration", !newPrompt, newChosen);
        if (newChosen) ++report.demonstrations;
        return newChosen;
    }
    // Under a new prompt the rejected response can only repeat the chosen one.
    const bool rejectedMayExist = !newPrompt || line.rejectedHash == line.chosenHash;
    const int64_t chosen = responseId(prompt, r.chosen, line.chosenHash, "import", !newPrompt, newChosen);
    const int64_t rejected = responseId(prompt, *r.rejected, line.rejectedHash, "import", rejectedMayExist, newRejected);
    if (newChosen || newRejected) {
        newComparisons_.addRow(prompt, chosen, rejected, nullable(r.margin), importId_);  // a new response: a new pair
    } else {
        flush();
        insertComparison_.bind(1, prompt).bind(2, chosen).bind(3, rejected).bind(4, r.margin).bind(5, importId_).run();
        if (sqlite3_changes(db_.handle()) == 0) return false;
    }
    ++report.pairs;
    return true;
}

int64_t RecordWriter::promptId(Content& c, uint64_t hash, ImportReport& report, bool& created) {
    created = false;
    if (projectHadPrompts_ || !hashesThisImport_.insert(hash).second) {
        flush();
        findPrompt_.bind(1, static_cast<int64_t>(hash));
        if (const int64_t id = firstWithContent(findPrompt_, c)) return id;
    }
    const int64_t id = nextPromptId_++;
    prompts_.addRow(id, std::move(c.text), nullable(c.messages), static_cast<int64_t>(hash), source_, importId_,
                    std::string(splitFor(hash, splits_.seed, splits_.ratios)), createdAt_);
    ++report.newPrompts;
    created = true;
    return id;
}

int64_t RecordWriter::responseId(int64_t prompt, Content& c, uint64_t hash, const char* origin, bool mayExist, bool& created) {
    created = false;
    if (mayExist) {
        flush();
        findResponse_.bind(1, prompt).bind(2, static_cast<int64_t>(hash)).bind(3, std::string_view(origin));
        if (const int64_t id = firstWithContent(findResponse_, c)) return id;
    }
    const int64_t id = nextResponseId_++;
    responses_.addRow(id, prompt, std::move(c.text), nullable(c.messages), static_cast<int64_t>(hash), std::string(origin),
                      createdAt_);
    created = true;
    return id;
}

}  // namespace rlhf::data
