#pragma once
// Read side of the Dataset panel: filtered, keyset-paged prompt lists (fast on 1M rows: each page is an
// index range scan, never an OFFSET), counts, and one prompt with its responses and comparisons.
// A search first indexes the rows an import left out of the full-text index (SearchIndex.h): then, and
// only then, the connection writes, a short transaction per chunk; it must not be inside a transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct PromptFilter {
    std::string search;                  // words; all must occur in the prompt or in one of its responses
    std::optional<std::string> split;    // train, validation, test, or "none" (unassigned)
    std::optional<std::string> tag;
    std::optional<std::string> source;   // import file or "manual"
    std::optional<bool> hasDemonstration;
    std::optional<bool> labelled;        // has a comparison or a ranking
};

struct PromptRow {
    int64_t id = 0;
    std::string text;
    std::string split;   // empty when unassigned
    std::string source;
    int64_t responses = 0, demonstrations = 0, comparisons = 0;
};

struct ResponseRow {
    int64_t id = 0;
    std::string text;
    std::string origin;  // demonstration, import, model
};

struct ComparisonRow {
    int64_t id = 0, chosenId = 0, rejectedId = 0;
    std::optional<double> margin;
};

struct PromptDetail {
    int64_t id = 0;
    std::string text;
    std::optional<std::string> messages;
    std::string split, source;
    std::vector<std::string> tags;
    std::vector<ResponseRow> responses;
    std::vector<ComparisonRow> comparisons;
};

class DatasetQueries {
public:
    explicit DatasetQueries(Database& db) : db_(db) {}
    // Up to `limit` prompts with id > afterId, in id order.
    std::vector<PromptRow> page(const PromptFilter& filter, int64_t afterId, int limit);
    int64_t count(const PromptFilter& filter);
    std::optional<PromptDetail> detail(int64_t promptId);
    std::vector<std::string> tags();
    std::vector<std::string> sources();  // distinct prompt sources (import files, manual)
    // Lengths in characters of every prompt and response (for the statistics view).
    std::vector<int64_t> promptLengths();
    std::vector<int64_t> responseLengths();

private:
    void indexForSearch(const PromptFilter& filter);

    Database& db_;
};

// "café au lait" -> "\"café\" \"au\" \"lait\"": every word quoted (FTS5 AND), so no user text is FTS syntax.
std::string ftsQuery(const std::string& search);

}  // namespace rlhf::data
