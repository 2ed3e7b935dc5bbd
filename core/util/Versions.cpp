#include "util/Versions.h"

#include <sqlite3.h>

namespace rlhf {
std::string sqliteVersion() { return sqlite3_libversion(); }
}  // namespace rlhf
