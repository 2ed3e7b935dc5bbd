#pragma once
// The lock of a run directory: the process that trains a run holds an exclusive flock on RUN/run.lock for
// as long as it trains, with its pid written inside. A second process that tries to train the same run is
// refused with a message naming the run and the holder; a run whose row says "running" while nobody holds
// its lock was interrupted (the process was killed or the machine lost power: the kernel drops the lock).

#include <string>

namespace rlhf::train {

class RunLock {
public:
    // Takes the lock of `runDir` (created when missing); std::runtime_error naming `runName` and the
    // holding process when another process holds it.
    RunLock(const std::string& runDir, const std::string& runName);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

    // True when a process holds the lock of `runDir` now (this one included, through another RunLock).
    static bool isHeld(const std::string& runDir);

private:
    int fd_ = -1;
};

// The status a project's run shows to people: a row saying running or paused whose run lock nobody holds
// is "interrupted" (its process is gone); any other status as stored.
std::string observedRunStatus(const std::string& storedStatus, const std::string& runDir);

}  // namespace rlhf::train
