#include "data/JsonlReader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace rlhf::data {

JsonlReader::JsonlReader(const std::string& path) : buffer_(1 << 20) {
    in_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    in_.open(path, std::ios::binary);
    if (!in_) throw std::invalid_argument(std::string("cannot open: ") + std::strerror(errno));
    std::error_code ec;
    totalBytes_ = std::filesystem::file_size(path, ec);
}

bool JsonlReader::next(std::string& line) {
    while (!finished_) {
        if (!std::getline(in_, line)) {
            finished_ = true;
            break;
        }
        ++lineNumber_;
        noNewline_ = in_.eof();
        bytesRead_ += line.size() + (noNewline_ ? 0 : 1);
        if (lineNumber_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
            line.erase(0, 3);
            notes_.push_back("line 1: UTF-8 byte order mark ignored");
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
            if (crlfLines_++ == 0) notes_.push_back("line " + std::to_string(lineNumber_) + ": CRLF line ends accepted");
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (blankLines_++ == 0) notes_.push_back("line " + std::to_string(lineNumber_) + ": blank lines skipped");
            continue;
        }
        return true;
    }
    return false;
}

}  // namespace rlhf::data
