#pragma once
// "ana, bo,,cy " -> {"ana", "bo", "cy"}: names listed in one setting or field, spaces around each trimmed,
// empty ones dropped.

#include <sstream>
#include <string>
#include <vector>

namespace rlhf {

inline std::vector<std::string> commaSeparatedNames(const std::string& list) {
    std::vector<std::string> names;
    std::stringstream s(list);
    for (std::string name; std::getline(s, name, ',');) {
        const size_t a = name.find_first_not_of(' ');
        if (a != std::string::npos) names.push_back(name.substr(a, name.find_last_not_of(' ') - a + 1));
    }
    return names;
}

}  // namespace rlhf
