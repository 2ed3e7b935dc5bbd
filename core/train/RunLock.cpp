#include "train/RunLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace rlhf::train {

namespace {

std::string lockPath(const std::string& runDir) { return runDir + "/run.lock"; }

std::string readHolder(int fd) {
    char buffer[64] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid(buffer, n > 0 ? static_cast<size_t>(n) : 0);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "another process" : "process " + pid;
}

}  // namespace

RunLock::RunLock(const std::string& runDir, const std::string& runName) {
    std::filesystem::create_directories(runDir);
    fd_ = ::open(lockPath(runDir).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(lockPath(runDir) + ": cannot open the run's lock: " + std::strerror(errno));
    // isHeld() of an observer (the workbench, `rlhf runs`) holds a shared lock for microseconds: retry a
    // little before calling the run taken.
    bool locked = false;
    for (int attempt = 0; attempt < 20 && !(locked = ::flock(fd_, LOCK_EX | LOCK_NB) == 0); ++attempt) ::usleep(10000);
    if (!locked) {
        const std::string holder = readHolder(fd_);
        ::close(fd_);
        throw std::runtime_error(runName + " is being trained by " + holder + " right now; wait for it to end or stop it first");
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // The lock holds without the pid; a refused process then names "another process".
    }
}

RunLock::~RunLock() {
    if (fd_ < 0) return;
    if (::ftruncate(fd_, 0) != 0) {
        // Closing releases the lock all the same.
    }
    ::close(fd_);
}

bool RunLock::isHeld(const std::string& runDir) {
    const int fd = ::open(lockPath(runDir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    // flock locks belong to open file descriptions: a new one conflicts even with this process's own lock.
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

std::string observedRunStatus(const std::string& storedStatus, const std::string& runDir) {
    if ((storedStatus == "running" || storedStatus == "paused") && !RunLock::isHeld(runDir)) return "interrupted";
    return storedStatus;
}

}  // namespace rlhf::train
