#pragma once
// Wall-clock time as stored in the project file (created_at, metrics time): Unix seconds.
#include <chrono>

namespace rlhf {
inline double unixSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace rlhf
