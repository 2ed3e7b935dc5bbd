#pragma once
// Reads and parses a JSON-lines file on a thread of its own, a batch of lines ahead of the consumer,
// so an import's parsing (JSON, UTF-8 and field checks) overlaps its database writes. Lines come out
// in file order, each with its record or the reason it is bad; memory is bounded by a few batches.
//
// Threading: one producer thread (started by the constructor, joined by the destructor, which stops it
// early when the consumer gives up); next() and the accessors are for the one consumer thread.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "data/RecordFormat.h"

namespace rlhf::data {

class JsonlReader;

struct ParsedLine {
    int64_t lineNumber = 0;
    uint64_t bytesRead = 0;         // of the file, up to and including this line
    std::optional<Record> record;   // empty when the line is bad
    std::string error;              // why it is bad
    // contentHashOf the prompt, the chosen and the rejected response (0 without one), computed here
    // on the parse thread.
    uint64_t promptHash = 0, chosenHash = 0, rejectedHash = 0;
};

class ParsedRecordStream {
public:
    // Throws std::invalid_argument "cannot open: reason". `format` Auto is detected from the first record.
    ParsedRecordStream(const std::string& path, Format format);
    ~ParsedRecordStream();
    ParsedRecordStream(const ParsedRecordStream&) = delete;
    ParsedRecordStream& operator=(const ParsedRecordStream&) = delete;

    // The next non-blank line; false at the end of the file. Rethrows a read error of the producer.
    bool next(ParsedLine& line);

    uint64_t totalBytes() const { return totalBytes_; }
    // Valid once next() has returned false:
    Format format() const { return format_; }
    const std::vector<std::string>& notes() const { return notes_; }

private:
    void produce(JsonlReader& reader);

    Format format_;
    uint64_t totalBytes_ = 0;
    std::vector<std::string> notes_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<ParsedLine>> batches_;  // guarded by mutex_
    std::vector<std::vector<ParsedLine>> spent_;   // consumed batches, freed by the producer; guarded by mutex_
    bool finished_ = false, stop_ = false;         // guarded by mutex_
    std::exception_ptr error_;                     // guarded by mutex_
    std::vector<ParsedLine> current_;              // consumer side
    size_t position_ = 0;
    std::thread producer_;
};

}  // namespace rlhf::data
