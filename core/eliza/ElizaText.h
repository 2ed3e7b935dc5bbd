#pragma once
// Text primitives of ELIZA: input normalisation, splitting, joining and the SLIP HASH used to pick
// a MEMORY transformation (docs/eliza-algorithm.md §1, §6, §7).

#include <cstdint>
#include <string>
#include <string_view>

#include "eliza/ElizaScript.h"

namespace rlhf::eliza {

// Upper-cases UTF-8 text and maps punctuation the 7094 never saw: ! ? -> '.', : ; en/em dash -> ',',
// quotes -> space, U+2019 -> apostrophe (Hay's modern normalisation). Invalid UTF-8 bytes become spaces.
std::string normaliseInput(std::string_view utf8);

// Upper-cases one word (Unicode aware), without any punctuation mapping: for script tokens.
std::string upperCaseWord(std::string_view utf8);

// Splits on spaces; every character in `punctuation` becomes a token of its own.
Words splitUserInput(std::string_view text, std::string_view punctuation = ",.");

// Joins words with single spaces, skipping empty ones.
std::string joinWords(const Words& words);

// True for the clause delimiters ".", "," and "BUT".
bool isDelimiter(const std::string& word);

// Up to 6 bytes as 36-bit 7090 BCD, space padded; other bytes map to their low 6 bits (Hay).
uint64_t chunkAsBcd(std::string_view chunk);
// The last 6-byte chunk of `word` as BCD: the SLIP cell BOT.(INPUT) holds (docs/eliza-algorithm.md §7).
uint64_t lastChunkAsBcd(std::string_view word);
// SLIP HASH (mid-square) of a 36-bit datum, giving an n-bit value (n <= 15).
unsigned slipHash(uint64_t datum, unsigned n);

}  // namespace rlhf::eliza
