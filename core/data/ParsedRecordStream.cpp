#include "data/ParsedRecordStream.h"

#include <pthread.h>

#include <nlohmann/json.hpp>

#include "data/JsonLine.h"
#include "data/JsonlReader.h"

namespace rlhf::data {

namespace {

constexpr size_t kBatchLines = 256;
constexpr size_t kBatchesAhead = 8;

// One line's record; the message says what is wrong (JSON, UTF-8, fields).
Record parseLine(const std::string& line, Format& format, bool lastLineUnterminated) {
    const nlohmann::json j = parseJsonLine(line, lastLineUnterminated);
    if (format == Format::Auto) format = detectFormat(j);
    return parseRecord(format, j);
}

}  // namespace

ParsedRecordStream::ParsedRecordStream(const std::string& path, Format format) : format_(format) {
    auto reader = std::make_unique<JsonlReader>(path);  // throws here, on the caller's thread
    totalBytes_ = reader->totalBytes();
    producer_ = std::thread([this, r = std::move(reader)] { produce(*r); });
}

void ParsedRecordStream::produce(JsonlReader& reader) {
    pthread_setname_np(pthread_self(), "rlhf-parse");  // as shown by top -H, perf and gdb
    Format format = format_;
    std::vector<ParsedLine> batch;
    std::exception_ptr error;
    try {
        std::string text;
        for (bool more = reader.next(text); more; more = reader.next(text)) {
            ParsedLine line{reader.lineNumber(), reader.bytesRead(), std::nullopt, {}};
            try {
                line.record = parseLine(text, format, reader.lastLineHadNoNewline());
                line.promptHash = contentHashOf(line.record->prompt);
                line.chosenHash = contentHashOf(line.record->chosen);
                if (line.record->rejected) line.rejectedHash = contentHashOf(*line.record->rejected);
            } catch (const RecordError& e) {
                line.error = e.what();
            }
            batch.push_back(std::move(line));
            if (batch.size() < kBatchLines) continue;
            std::vector<std::vector<ParsedLine>> spent;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || batches_.size() < kBatchesAhead; });
                if (stop_) return;
                batches_.push_back(std::move(batch));
                spent.swap(spent_);
            }
            changed_.notify_all();
            batch.clear();
            // `spent` is freed here, off the consumer's thread: its strings were allocated on this one.
        }
    } catch (...) {
        error = std::current_exception();  // after the lines read so far
    }
    {
        std::lock_guard lock(mutex_);
        if (!batch.empty()) batches_.push_back(std::move(batch));
        format_ = format;  // read by the consumer only after it has seen finished_
        notes_ = reader.notes();
        error_ = error;
        finished_ = true;
    }
    changed_.notify_all();
}

ParsedRecordStream::~ParsedRecordStream() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    producer_.join();
}

bool ParsedRecordStream::next(ParsedLine& line) {
    if (position_ == current_.size()) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !batches_.empty() || finished_; });
        if (batches_.empty()) {
            if (error_) std::rethrow_exception(error_);
            return false;
        }
        spent_.push_back(std::move(current_));
        current_ = std::move(batches_.front());
        batches_.pop_front();
        position_ = 0;
        changed_.notify_all();
    }
    line = std::move(current_[position_++]);
    return true;
}

}  // namespace rlhf::data
