#pragma once
// Imports a JSON-lines file into a project in ONE transaction: with OnError::Abort the first bad record
// rolls everything back (the file is left byte-for-byte unchanged) and the error names file:line and
// the reason; with OnError::Skip good records are imported and every skipped line is reported.
// Exact duplicates (same prompt and responses) are counted and listed, never doubled.

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "data/Database.h"
#include "data/RecordFormat.h"

namespace rlhf::data {

enum class OnError { Abort, Skip };

struct SkippedLine {
    int64_t line = 0;
    std::string reason;
};

struct ImportReport {
    std::string path;
    Format format = Format::Auto;   // as detected
    int64_t records = 0;            // imported (new) records
    int64_t pairs = 0;              // new comparisons
    int64_t demonstrations = 0;     // new demonstrations
    int64_t newPrompts = 0;
    int64_t judgements = 0;         // rankings: new judgements (replacements included)
    int64_t replaced = 0;           // rankings: judgements that replaced a labeller's earlier one
    int64_t newItems = 0;           // rankings: new items
    int64_t battles = 0;            // arena: new battles
    int64_t duplicates = 0;
    std::vector<int64_t> duplicateLines;  // the first 100
    std::vector<SkippedLine> skipped;
    std::vector<std::string> notes;       // BOM, CRLF, blank lines
    double seconds = 0;
};

// "FILE:LINE: reason"; `line` 0 for problems with the file as a whole.
class ImportError : public std::runtime_error {
public:
    ImportError(const std::string& path, int64_t line, const std::string& reason);
    int64_t line() const { return line_; }

private:
    int64_t line_;
};

struct ImportOptions {
    Format format = Format::Auto;
    OnError onError = OnError::Abort;
    std::function<void(uint64_t bytesRead, uint64_t totalBytes)> progress;  // every ~1 MB; any thread
    const std::atomic<bool>* cancel = nullptr;  // set: roll back and throw ImportError "cancelled"
};

ImportReport importJsonl(Database& db, const std::string& path, const ImportOptions& options);

}  // namespace rlhf::data
