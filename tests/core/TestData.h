#pragma once
// Helpers for core tests: fixture paths and file reading (tests/data is copied from ../shared/fixtures).
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rlhf::test {

inline std::string dataPath(const std::string& relative) { return std::string(RLHF_TEST_DATA_DIR) + "/" + relative; }

inline std::string readData(const std::string& relative) {
    std::ifstream in(dataPath(relative), std::ios::binary);
    if (!in) throw std::runtime_error("missing test data " + dataPath(relative));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace rlhf::test
