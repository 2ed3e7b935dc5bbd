#pragma once
// UTF-8 helpers shared by the tokenizers and ELIZA's input normaliser.

#include <string>
#include <string_view>

namespace rlhf::text {

// Decodes UTF-8. Each byte of an invalid or truncated sequence (and each surrogate or overlong form)
// becomes `replacement`; returns whether the input was valid.
bool decodeUtf8(std::string_view utf8, std::u32string& out, char32_t replacement = U'\uFFFD');
std::u32string decodeUtf8(std::string_view utf8, char32_t replacement = U'\uFFFD');
void appendUtf8(std::string& out, char32_t codePoint);
std::string encodeUtf8(std::u32string_view codePoints);
bool isValidUtf8(std::string_view utf8);
// Byte offset of the first invalid sequence, or npos when valid.
size_t firstInvalidUtf8(std::string_view utf8);
// Decodes the code point at byte `i` into `cp`; returns its length in bytes, or 0 when the sequence is invalid.
size_t decodeOne(std::string_view utf8, size_t i, char32_t& cp);
// Where the code point that ends just before byte `end` (> 0) of valid UTF-8 starts.
size_t previousCodePointStart(std::string_view utf8, size_t end);
// Length of the longest prefix of `bytes` that does not end inside a character still arriving: a lead
// byte among the last three whose sequence needs more bytes than follow it is held back, with them
// (a token stream prints that prefix and waits for the next token to finish the character).
size_t completeUtf8Prefix(std::string_view bytes);
// Text for a terminal: C0 control characters other than newline and tab become their Unicode control
// pictures (ESC -> U+241B), DEL becomes U+2421 and the C1 controls U+0080-U+009F become U+FFFD, so that
// a model's reply is shown instead of obeyed (a stray ESC would start an escape sequence). Everything
// else, invalid bytes included, is kept as it is.
std::string withVisibleControls(std::string_view text);

}  // namespace rlhf::text
