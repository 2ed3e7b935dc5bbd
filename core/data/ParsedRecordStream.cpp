#include "data/ParsedRecordStream.h"

#include <nlohmann/json.hpp>

#include "data/JsonlReader.h"

namespace rlhf::data {

namespace {

constexpr size_t kBatchLines = 256;
constexpr size_t kBatchesAhead = 8;

// One line's record; the message says what is wrong (JSON, UTF-8, fields).
Record parseLine(const std::string& line, Format& format, bool lastLineUnterminated) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        const std::string what = e.what();
        if (what.find("UTF-8") != std::string::npos)
            throw RecordError("invalid UTF-8 at byte " + std::to_string(e.byte));
        if (lastLineUnterminated)
            throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + " (the file ends inside this line: truncated?)");
        throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + ": " + what.substr(what.find(':') + 2));
    }
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
    Format format = format_;
    std::vector<ParsedLine> batch;
    std::exception_ptr error;
    try {
        std::string text;
        for (bool more = reader.next(text); more; more = reader.next(text)) {
            ParsedLine line{reader.lineNumber(), reader.bytesRead(), std::nullopt, {}};
            try {
                line.record = parseLine(text, format, reader.lastLineHadNoNewline());
            } catch (const RecordError& e) {
                line.error = e.what();
            }
            batch.push_back(std::move(line));
            if (batch.size() < kBatchLines) continue;
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || batches_.size() < kBatchesAhead; });
            if (stop_) return;
            batches_.push_back(std::move(batch));
            batch.clear();
            changed_.notify_all();
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
        current_ = std::move(batches_.front());
        batches_.pop_front();
        position_ = 0;
        changed_.notify_all();
    }
    line = std::move(current_[position_++]);
    return true;
}

}  // namespace rlhf::data
