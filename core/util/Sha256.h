#pragma once
// SHA-256 (FIPS 180-4) of files, for checkpoint rows: a checkpoint's weights can be verified later.
#include <string>
#include <string_view>

namespace rlhf {
std::string sha256Hex(std::string_view data);
// Streams the file; throws std::runtime_error naming it when it cannot be read.
std::string sha256FileHex(const std::string& path);
}  // namespace rlhf
