#include "text/UnicodeNormalization.h"

#include <stdexcept>

#ifdef RLHF_HAVE_ICU
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#endif

namespace rlhf::text {

#ifndef RLHF_HAVE_ICU
bool nfcAvailable() { return false; }
std::string toNfc(std::string_view) { throw std::runtime_error("NFC normalization: this build has no ICU"); }
#else
bool nfcAvailable() { return true; }

namespace {

void check(UErrorCode status, const char* step) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string("NFC normalization: ") + step + ": " + u_errorName(status));
}

std::u16string toUtf16(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) check(status, "UTF-8 to UTF-16");
    std::u16string out(static_cast<size_t>(length), u'\0');
    status = U_ZERO_ERROR;
    u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), length, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    check(status, "UTF-8 to UTF-16");
    return out;
}

std::string toUtf8(const std::u16string& utf16) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    const auto* text = reinterpret_cast<const UChar*>(utf16.data());
    u_strToUTF8(nullptr, 0, &length, text, static_cast<int32_t>(utf16.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) check(status, "UTF-16 to UTF-8");
    std::string out(static_cast<size_t>(length), '\0');
    status = U_ZERO_ERROR;
    u_strToUTF8(out.data(), length, nullptr, text, static_cast<int32_t>(utf16.size()), &status);
    check(status, "UTF-16 to UTF-8");
    return out;
}

}  // namespace

std::string toNfc(std::string_view utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c < 0x80;
    if (ascii || utf8.empty()) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
    check(status, "loading the NFC data");
    const std::u16string source = toUtf16(utf8);
    const auto* text = reinterpret_cast<const UChar*>(source.data());
    const auto sourceLength = static_cast<int32_t>(source.size());
    if (unorm2_isNormalized(nfc, text, sourceLength, &status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    const int32_t length = unorm2_normalize(nfc, text, sourceLength, nullptr, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) check(status, "normalizing");
    std::u16string out(static_cast<size_t>(length), u'\0');
    status = U_ZERO_ERROR;
    unorm2_normalize(nfc, text, sourceLength, reinterpret_cast<UChar*>(out.data()), length, &status);
    check(status, "normalizing");
    return toUtf8(out);
}

#endif

}  // namespace rlhf::text
