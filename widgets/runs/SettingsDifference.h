#pragma once
// Which settings differ between runs shown together: the table under an overlay of several runs' curves.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rlhf::widgets {

struct DifferingSetting {
    std::string key;
    std::vector<std::string> values;  // one per config, "—" where a config lacks the key
};

// Keys (sorted) whose values are not the same in every config; values as compact JSON, strings bare.
std::vector<DifferingSetting> differingSettings(const std::vector<nlohmann::json>& configs);

}  // namespace rlhf::widgets
