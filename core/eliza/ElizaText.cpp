#include "eliza/ElizaText.h"

#include <array>
#include <clocale>
#include <cwctype>
#include <locale.h>

#include "text/Utf8.h"

namespace rlhf::eliza {

namespace {

// IBM 7090 BCD: index = 6-bit code. '\0' marks codes with no character.
constexpr std::array<char, 64> kBcdChars = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, '=', '\'', 0, 0, 0,
    '+', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 0, '.', ')', 0, 0, 0,
    '-', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 0, '$', '*', 0, 0, 0,
    ' ', '/', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0, ',', '(', 0, 0, 0};

unsigned bcdCode(unsigned char c) {
    for (unsigned code = 0; code < kBcdChars.size(); ++code)
        if (kBcdChars[code] != 0 && static_cast<unsigned char>(kBcdChars[code]) == c) return code;
    return c & 0x3Fu;  // Hay: any other byte maps to its low 6 bits
}

// Unicode upper case through glibc's C.UTF-8 tables; ASCII only if that locale is missing.
char32_t upperCase(char32_t c) {
    static const locale_t utf8Locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0));
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (utf8Locale == locale_t(0)) return c;
    return static_cast<char32_t>(towupper_l(static_cast<wint_t>(c), utf8Locale));
}

const char* replacementFor(char32_t c) {
    switch (c) {
    case 0x2019: return "'";
    case 0x2018: case 0x0060: case 0x0022: case 0x00AB: case 0x00BB: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
    case 0x00A1: case 0x00BF: case 0xFFFD: return " ";
    case 0x0021: case 0x003F: return ".";
    case 0x003A: case 0x003B: case 0x2013: case 0x2014: return ",";
    case 0x00DF: return "SS";
    case 0xFB00: return "FF";
    case 0xFB01: return "FI";
    case 0xFB02: return "FL";
    case 0xFB03: return "FFI";
    case 0xFB04: return "FFL";
    case 0xFB05: case 0xFB06: return "ST";
    default: return nullptr;
    }
}

}  // namespace

std::string normaliseInput(std::string_view utf8) {
    std::u32string cps;
    text::decodeUtf8(utf8, cps, U'\uFFFD');
    std::string out;
    out.reserve(utf8.size());
    for (char32_t c : cps) {
        if (const char* r = replacementFor(c)) out += r;
        else text::appendUtf8(out, upperCase(c));
    }
    return out;
}

std::string upperCaseWord(std::string_view utf8) {
    std::u32string cps;
    text::decodeUtf8(utf8, cps, U'\uFFFD');
    std::string out;
    out.reserve(utf8.size());
    for (char32_t c : cps) text::appendUtf8(out, upperCase(c));
    return out;
}

Words splitUserInput(std::string_view text, std::string_view punctuation) {
    Words words;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            flush();
        } else if (punctuation.find(c) != std::string_view::npos) {
            flush();
            words.emplace_back(1, c);
        } else {
            current += c;
        }
    }
    flush();
    return words;
}

std::string joinWords(const Words& words) {
    std::string out;
    for (const auto& w : words) {
        if (w.empty()) continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

bool isDelimiter(const std::string& word) { return word == "." || word == "," || word == "BUT"; }

uint64_t lastChunkAsBcd(std::string_view word) {
    const size_t start = word.empty() ? 0 : 6 * ((word.size() - 1) / 6);
    return chunkAsBcd(word.substr(start));
}

uint64_t chunkAsBcd(std::string_view chunk) {
    uint64_t datum = 0;
    for (size_t i = 0; i < 6; ++i) {
        const unsigned char c = i < chunk.size() ? static_cast<unsigned char>(chunk[i]) : ' ';
        datum = (datum << 6) | bcdCode(c);
    }
    return datum;
}

unsigned slipHash(uint64_t datum, unsigned n) {
    // 35 bits squared needs 70; only bits below 35 + n/2 are kept, so 64-bit wrap-around is harmless.
    datum &= 0x7FFFFFFFFull;
    datum *= datum;
    return static_cast<unsigned>((datum >> (35 - n / 2)) & ((1ull << n) - 1));
}

}  // namespace rlhf::eliza
