#include "data/JsonLine.h"

#include "data/RecordFormat.h"

#ifdef RLHF_HAVE_SIMDJSON
#include <simdjson.h>
#endif

namespace rlhf::data {

namespace {

#ifdef RLHF_HAVE_SIMDJSON
nlohmann::json toNlohmann(simdjson::dom::element e) {
    using Type = simdjson::dom::element_type;
    switch (e.type()) {
    case Type::OBJECT: {
        nlohmann::json object = nlohmann::json::object();
        for (auto field : simdjson::dom::object(e)) object[std::string(field.key)] = toNlohmann(field.value);
        return object;
    }
    case Type::ARRAY: {
        nlohmann::json array = nlohmann::json::array();
        for (auto item : simdjson::dom::array(e)) array.push_back(toNlohmann(item));
        return array;
    }
    case Type::STRING: return std::string(std::string_view(e));
    case Type::INT64: return int64_t(e);
    case Type::UINT64: return uint64_t(e);
    case Type::DOUBLE: return double(e);
    case Type::BOOL: return bool(e);
    case Type::NULL_VALUE: return nullptr;
    }
    return nullptr;
}

// False when simdjson rejects the line (then nlohmann decides and words the error).
bool parseFast(const std::string& line, nlohmann::json& out) {
    thread_local simdjson::dom::parser parser;  // keeps its buffers between lines
    simdjson::dom::element root;
    if (parser.parse(line).get(root) != simdjson::SUCCESS) return false;
    out = toNlohmann(root);
    return true;
}
#else
bool parseFast(const std::string&, nlohmann::json&) { return false; }
#endif

}  // namespace

nlohmann::json parseJsonLine(const std::string& line, bool lastLineUnterminated) {
    nlohmann::json j;
    if (parseFast(line, j)) return j;
    try {
        return nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        const std::string what = e.what();
        if (what.find("UTF-8") != std::string::npos)
            throw RecordError("invalid UTF-8 at byte " + std::to_string(e.byte));
        if (lastLineUnterminated)
            throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + " (the file ends inside this line: truncated?)");
        throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + ": " + what.substr(what.find(':') + 2));
    }
}

}  // namespace rlhf::data
