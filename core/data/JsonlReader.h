#pragma once
// Streams a JSON-lines file one line at a time (memory does not grow with the file). Tolerates what
// real files carry and says so: a UTF-8 byte order mark, CRLF line ends and blank lines are accepted
// and reported as notes; a last line without a newline is flagged so a parse error can say "truncated".

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace rlhf::data {

class JsonlReader {
public:
    // Throws std::invalid_argument "cannot open: reason".
    explicit JsonlReader(const std::string& path);

    // Next non-blank line; false at the end of the file.
    bool next(std::string& line);
    int64_t lineNumber() const { return lineNumber_; }      // of the line last returned
    bool lastLineHadNoNewline() const { return noNewline_; }
    uint64_t bytesRead() const { return bytesRead_; }
    uint64_t totalBytes() const { return totalBytes_; }
    const std::vector<std::string>& notes() const { return notes_; }

private:
    std::ifstream in_;
    std::vector<char> buffer_;
    int64_t lineNumber_ = 0;
    uint64_t bytesRead_ = 0, totalBytes_ = 0;
    bool noNewline_ = false;
    int64_t crlfLines_ = 0, blankLines_ = 0;
    std::vector<std::string> notes_;
    bool finished_ = false;
};

}  // namespace rlhf::data
