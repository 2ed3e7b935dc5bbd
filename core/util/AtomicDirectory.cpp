#include "util/AtomicDirectory.h"

#include <filesystem>
#include <random>

#include "util/FileSync.h"

namespace rlhf {

namespace fs = std::filesystem;

void writeDirectoryAtomically(const std::string& dir, const std::function<void(const std::string& tmpDir)>& write) {
    const fs::path target = fs::absolute(dir);
    const fs::path tmp = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
    fs::create_directories(tmp);
    try {
        write(tmp.string());
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        throw;
    }
    for (const auto& entry : fs::directory_iterator(tmp)) fsyncPath(entry.path().string());
    fsyncPath(tmp.string());
    if (fs::exists(target)) {
        const fs::path old = target.parent_path() / (target.filename().string() + ".old");
        fs::remove_all(old);
        fs::rename(target, old);
        fs::rename(tmp, target);
        fs::remove_all(old);
    } else {
        fs::rename(tmp, target);
    }
    fsyncPath(target.parent_path().string());
}

}  // namespace rlhf
