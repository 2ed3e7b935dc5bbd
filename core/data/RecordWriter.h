#pragma once
// Writes parsed records into a project inside the importer's transaction, with the rules for reusing
// prompts and responses: an exact duplicate (same prompt, same responses) is reported, never doubled.
//
// Speed (a bulk import is ~100k records a second): rows get their ids from here (the next free id of
// each table, as SQLite would give them) and go out in multi-row INSERTs (BatchedInsert); buffered rows
// are flushed before any lookup, so lookups see them. Inserts are OR FAIL rather than the default
// ABORT: a single-row insert checks its constraints before it writes, so FAIL undoes nothing less, and
// it spares SQLite a statement journal (a copy of every page each statement touches). Any error still
// throws and rolls the whole import back.

#include <cstdint>
#include <string>
#include <unordered_set>

#include "data/BatchedInsert.h"
#include "data/Database.h"
#include "data/Importer.h"
#include "data/ParsedRecordStream.h"
#include "data/Splits.h"

namespace rlhf::data {

class RecordWriter {
public:
    // `lastPromptId`/`lastResponseId`: the largest ids in the project (0 when empty). When the project
    // has no prompts yet, new prompts skip the lookup unless their hash was already seen in this file.
    RecordWriter(Database& db, int64_t importId, const std::string& source, int64_t lastPromptId, int64_t lastResponseId);

    // Writes the record of `line` (its texts are moved out); false when it duplicates one already there.
    bool write(ParsedLine& line, ImportReport& report);
    void flush();  // writes every buffered row; call before reading the tables

private:
    int64_t promptId(Content& c, uint64_t hash, ImportReport& report, bool& created);
    // `mayExist` false (a prompt created by this record) skips the lookup.
    int64_t responseId(int64_t prompt, Content& c, uint64_t hash, const char* origin, bool mayExist, bool& created);

    Database& db_;
    int64_t importId_;
    std::string source_;
    bool projectHadPrompts_;
    int64_t nextPromptId_, nextResponseId_;
    std::unordered_set<uint64_t> hashesThisImport_;  // prompt hashes seen in this file (first imports only)
    Statement findPrompt_, findResponse_, insertComparison_;
    BatchedInsert prompts_, responses_, newComparisons_;
    SplitSettings splits_;
    double createdAt_;  // one time for the whole import
};

}  // namespace rlhf::data
