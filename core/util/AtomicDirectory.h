#pragma once
// A directory written whole or not at all: `write` fills a sibling temporary directory, whose files are
// then fsynced and which is renamed into place (an existing directory moves aside first and is removed
// after). If `write` throws, the temporary directory is removed and the old directory stays as it was.

#include <functional>
#include <string>

namespace rlhf {

void writeDirectoryAtomically(const std::string& dir, const std::function<void(const std::string& tmpDir)>& write);

}  // namespace rlhf
