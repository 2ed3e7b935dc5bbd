#pragma once
// Stable 64-bit content hashes (FNV-1a, then a splitmix finaliser): stored in the project file, so
// they must never depend on the standard library's std::hash.
#include <cstdint>
#include <string_view>

namespace rlhf::data {

inline uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

inline uint64_t contentHash(std::string_view kind, std::string_view text) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (char c : kind) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    h = (h ^ 0xFF) * 0x100000001b3ull;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return mix64(h);
}

}  // namespace rlhf::data
