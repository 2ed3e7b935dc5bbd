#pragma once
// One JSON-lines record parsed into nlohmann::json. simdjson (when built with it) parses first, ~5x
// faster than nlohmann's character-by-character lexer; anything simdjson rejects goes through nlohmann,
// which accepts or rejects it and words the error, so results and messages do not depend on the parser.

#include <string>

#include <nlohmann/json.hpp>

namespace rlhf::data {

// Throws RecordError "invalid JSON at byte N: ...", "invalid UTF-8 at byte N", "binary data at byte N"
// (raw control bytes), and says "truncated?" when the JSON ends early on the file's unterminated last line.
nlohmann::json parseJsonLine(const std::string& line, bool lastLineUnterminated);

}  // namespace rlhf::data
