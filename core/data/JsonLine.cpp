#include "data/JsonLine.h"

#include <algorithm>

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
        // JSON text never holds raw control bytes other than whitespace: such a line is binary data.
        const auto binary = std::find_if(line.begin(), line.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
        });
        if (binary != line.end())
            throw RecordError("binary data at byte " + std::to_string(binary - line.begin() + 1) +
                              ": not a JSON-lines text file");
        if (what.find("UTF-8") != std::string::npos)
            throw RecordError("invalid UTF-8 at byte " + std::to_string(e.byte));
        if (lastLineUnterminated && e.byte >= line.size())
            throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + " (the file ends inside this line: truncated?)");
        throw RecordError("invalid JSON at byte " + std::to_string(e.byte) + ": " + what.substr(what.find(':') + 2));
    }
}

}  // namespace rlhf::data
