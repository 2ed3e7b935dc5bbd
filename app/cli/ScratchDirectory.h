#pragma once
// A benchmark's own temporary folder (TMPDIR/rlhf-bench-NAME-PID): empty when made, removed with all it
// holds when the benchmark ends, however it ends.

#include <unistd.h>

#include <filesystem>
#include <string>

namespace rlhf::cli {

class ScratchDirectory {
public:
    explicit ScratchDirectory(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("rlhf-bench-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace rlhf::cli
