#include "util/FileSync.h"

#include <fcntl.h>
#include <unistd.h>

namespace rlhf {

void fsyncPath(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace rlhf
