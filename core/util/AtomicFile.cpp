#include "util/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "util/FileSync.h"

namespace fs = std::filesystem;

namespace rlhf {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), partial_(path_ + ".partial") {
    if (fs::is_directory(path_)) throw std::runtime_error(path_ + ": is a folder; give the name of a file to write");
    const fs::path folder = fs::absolute(path_).parent_path();
    if (!fs::is_directory(folder)) throw std::runtime_error(path_ + ": cannot write: the folder " + folder.string() + " does not exist");
    out_.open(partial_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error(path_ + ": cannot write: " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    out_.close();
    std::error_code ignored;
    fs::remove(partial_, ignored);
}

void AtomicFile::commit() {
    out_.close();
    if (!out_) throw std::runtime_error(path_ + ": write failed: " + std::strerror(errno));
    fsyncPath(partial_);
    std::error_code error;
    fs::rename(partial_, path_, error);
    if (error) throw std::runtime_error(path_ + ": cannot replace: " + error.message());
    fsyncPath(fs::absolute(path_).parent_path().string());
    committed_ = true;
}

}  // namespace rlhf
