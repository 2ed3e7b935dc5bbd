#pragma once
// Reading a training stage's settings object (--config FILE, --set key=value): each key checked against
// the stage's list, each value's type and range, errors naming the origin (file or --set) and the key.

#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace rlhf::train {

// Throws std::invalid_argument unless `j` is an object whose keys are all in `known`.
void checkSettingKeys(const nlohmann::json& j, const std::set<std::string>& known, const std::string& origin);

// A range bound as people write it: 0, 10, 1e+12, 0.001.
std::string formatBound(double bound);

// Sets `field` from j[key] when present: a number (an integer for integral fields) in [minimum, maximum].
template <typename T>
void readSetting(const nlohmann::json& j, const char* key, T& field, const std::string& origin, double minimum, double maximum) {
    if (!j.contains(key)) return;
    const auto& v = j[key];
    if (!v.is_number() || (std::is_integral_v<T> && !v.is_number_integer()))
        throw std::invalid_argument(origin + ": " + key + " must be " + (std::is_integral_v<T> ? "an integer" : "a number") +
                                    ", found " + v.dump());
    const double d = v.get<double>();
    if (d < minimum || d > maximum)
        throw std::invalid_argument(origin + ": " + key + " = " + v.dump() + " is outside [" + formatBound(minimum) +
                                    ", " + formatBound(maximum) + "]");
    field = v.get<T>();
}

// Sets `field` from j[key] when present; it must be a string.
void readStringSetting(const nlohmann::json& j, const char* key, std::string& field, const std::string& origin);

// Sets `field` from j["precision"] when present: "fp32", "bf16" or "auto".
void readPrecisionSetting(const nlohmann::json& j, std::string& field, const std::string& origin);

}  // namespace rlhf::train
