#include "train/SettingsJson.h"

#include <sstream>

namespace rlhf::train {

void checkSettingKeys(const nlohmann::json& j, const std::set<std::string>& known, const std::string& origin) {
    if (!j.is_object()) throw std::invalid_argument(origin + ": expected a JSON object of settings");
    std::string names;
    for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
    for (const auto& [key, value] : j.items())
        if (!known.count(key)) throw std::invalid_argument(origin + ": unknown setting '" + key + "' (known: " + names + ")");
}

std::string formatBound(double bound) {
    std::ostringstream out;
    out << bound;  // the shortest of %g's forms: 0, 10, 1e+12
    return out.str();
}

void readStringSetting(const nlohmann::json& j, const char* key, std::string& field, const std::string& origin) {
    if (!j.contains(key)) return;
    if (!j[key].is_string()) throw std::invalid_argument(origin + ": " + key + " must be a string");
    field = j[key].get<std::string>();
}

void readPrecisionSetting(const nlohmann::json& j, std::string& field, const std::string& origin) {
    if (!j.contains("precision")) return;
    const auto& p = j["precision"];
    if (!p.is_string() || (p != "fp32" && p != "bf16" && p != "auto"))
        throw std::invalid_argument(origin + ": precision must be \"fp32\", \"bf16\" or \"auto\", found " + p.dump());
    field = p.get<std::string>();
}

}  // namespace rlhf::train
