#pragma once
// fsync for files and directories: what makes "written to a temporary, fsynced, renamed" durable.
#include <string>

namespace rlhf {
// Flushes `path` (a file, or a directory's entries) to disk; best effort: errors are ignored because the
// callers' rename is what decides success.
void fsyncPath(const std::string& path);
}  // namespace rlhf
