#include "runs/SettingsDifference.h"

#include <set>

namespace rlhf::widgets {

namespace {
std::string shown(const nlohmann::json& config, const std::string& key) {
    if (!config.is_object() || !config.contains(key)) return "—";
    const auto& v = config[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
}
}  // namespace

std::vector<DifferingSetting> differingSettings(const std::vector<nlohmann::json>& configs) {
    std::set<std::string> keys;
    for (const auto& c : configs)
        if (c.is_object())
            for (const auto& item : c.items()) keys.insert(item.key());
    std::vector<DifferingSetting> out;
    for (const auto& key : keys) {
        DifferingSetting d{key, {}};
        for (const auto& c : configs) d.values.push_back(shown(c, key));
        if (std::set<std::string>(d.values.begin(), d.values.end()).size() > 1) out.push_back(std::move(d));
    }
    return out;
}

}  // namespace rlhf::widgets
