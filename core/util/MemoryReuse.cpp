#include "util/MemoryReuse.h"

#include <climits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rlhf::util {

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);              // no per-allocation mmap: large blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, INT_MAX);  // and stay there when freed
#endif
}

}  // namespace rlhf::util
