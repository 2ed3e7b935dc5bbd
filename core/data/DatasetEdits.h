#pragma once
// Write side of the Dataset panel. Every call is one committed transaction (durable before it returns,
// so the UI can confirm), and every change can be undone exactly: deletePrompt returns everything
// restorePrompt needs to put the prompt back with the same ids.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct PromptSnapshot {
    using Row = std::vector<SqlValue>;  // every column of a table row, in table order
    int64_t promptId = 0;
    Row prompt;
    std::vector<Row> responses, comparisons, promptTags;
};

class DatasetEdits {
public:
    explicit DatasetEdits(Database& db) : db_(db) {}

    void setPromptText(int64_t promptId, const std::string& text);
    void setResponseText(int64_t responseId, const std::string& text);
    int64_t addPrompt(const std::string& text);                         // source "manual"
    int64_t addDemonstration(int64_t promptId, const std::string& text);
    void deleteResponse(int64_t responseId);
    PromptSnapshot deletePrompt(int64_t promptId);
    void restorePrompt(const PromptSnapshot& snapshot);
    void setTags(int64_t promptId, const std::vector<std::string>& tags);

private:
    Database& db_;
};

}  // namespace rlhf::data
