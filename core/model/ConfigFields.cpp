#include "model/ConfigFields.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace rlhf::model {

using nlohmann::json;

bool present(const json& j, const char* name) { return j.contains(name) && !j[name].is_null(); }

int intField(const json& j, const char* name, const std::string& origin, int fallback, int minimum) {
    if (!present(j, name)) return fallback;
    if (!j[name].is_number_integer())
        throw std::invalid_argument(origin + ": field " + name + " must be an integer, found " + j[name].dump());
    const long long v = j[name].get<long long>();
    if (v < minimum || v > (1LL << 30)) throw std::invalid_argument(origin + ": field " + name + " = " + std::to_string(v) + " is out of range");
    return static_cast<int>(v);
}

double numberField(const json& j, const char* name, const std::string& origin, double fallback) {
    if (!present(j, name)) return fallback;
    if (!j[name].is_number()) throw std::invalid_argument(origin + ": field " + name + " must be a number, found " + j[name].dump());
    const double v = j[name].get<double>();
    if (!(v > 0)) throw std::invalid_argument(origin + ": field " + name + " must be positive");
    return v;
}

bool boolField(const json& j, const char* name, const std::string& origin, bool fallback) {
    if (!present(j, name)) return fallback;
    if (!j[name].is_boolean()) throw std::invalid_argument(origin + ": field " + name + " must be true or false");
    return j[name].get<bool>();
}

std::vector<int> idList(const json& j, const char* name, const std::string& origin) {
    if (!present(j, name)) return {};
    const json list = j[name].is_array() ? j[name] : json::array({j[name]});
    std::vector<int> ids;
    for (const auto& id : list) {
        if (!id.is_number_integer() || id.get<long long>() < 0)
            throw std::invalid_argument(origin + ": field " + name + " must be a token id or a list of them, found " + j[name].dump());
        ids.push_back(id.get<int>());
    }
    return ids;
}

void addGenerationEosIds(const std::string& dir, std::vector<int>& ids, int vocabSize) {
    const std::string path = dir + "/generation_config.json";
    if (!std::filesystem::exists(path)) return;
    for (int id : idList(readConfigJson(path), "eos_token_id", path)) {
        if (id >= vocabSize) throw std::invalid_argument(path + ": eos_token_id " + std::to_string(id) + " is outside the vocabulary");
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
}

json readConfigJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument(path + ": cannot open");
    try {
        return json::parse(in);
    } catch (const json::parse_error& e) {
        throw std::invalid_argument(path + ": invalid JSON at byte " + std::to_string(e.byte));
    }
}

}  // namespace rlhf::model
