#pragma once
// A file written whole or not at all: the text goes to "PATH.partial", commit() flushes, fsyncs and renames
// it over PATH; a writer destroyed before commit() (an exception, a cancel) removes the partial file, so a
// failed write leaves nothing behind. Errors are std::runtime_error naming PATH and the reason.

#include <fstream>
#include <string>

namespace rlhf {

class AtomicFile {
public:
    // Refuses a PATH that is a directory or whose folder does not exist, before anything is created.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ofstream& stream() { return out_; }
    void commit();

private:
    std::string path_, partial_;
    std::ofstream out_;
    bool committed_ = false;
};

}  // namespace rlhf
