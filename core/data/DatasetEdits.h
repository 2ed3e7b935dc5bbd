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
    // Labelling: its items to rank, their positions, its judgements with their ranks, assignments.
    std::vector<Row> items, itemResponses, rankings, rankingItems, assignments;
};

// What merging near-duplicate prompts into one changed, so that it can be undone exactly.
struct PromptMerge {
    int64_t keptPromptId = 0;
    struct Merged {
        int64_t promptId = 0;
        PromptSnapshot::Row prompt;                      // the merged prompt's row and its tag links
        std::vector<PromptSnapshot::Row> promptTags;
        std::vector<int64_t> responses, comparisons, rankings, samples, items;  // ids moved to the kept prompt
        std::vector<int64_t> tagsAdded;                  // tag ids the kept prompt gained from it
    };
    std::vector<Merged> merged;
};

class DatasetEdits {
public:
    explicit DatasetEdits(Database& db) : db_(db) {}

    void setPromptText(int64_t promptId, const std::string& text);
    void setResponseText(int64_t responseId, const std::string& text);
    int64_t addPrompt(const std::string& text);                         // source "manual"
    int64_t addDemonstration(int64_t promptId, const std::string& text);
    // Refused (StoreError) for a candidate of an item to rank: its judgements rank it.
    void deleteResponse(int64_t responseId);
    PromptSnapshot deletePrompt(int64_t promptId);
    void restorePrompt(const PromptSnapshot& snapshot);
    void setTags(int64_t promptId, const std::vector<std::string>& tags);
    // Moves the responses, comparisons, rankings, items to rank, run samples and tags of `others` to `keep`, then deletes `others`
    // (one transaction); unmergePrompts puts everything back with the same ids.
    PromptMerge mergePrompts(int64_t keep, const std::vector<int64_t>& others);
    void unmergePrompts(const PromptMerge& merge);

private:
    Database& db_;
};

}  // namespace rlhf::data
