#pragma once
// Unicode normalization form C (canonical composition), as Hugging Face's NFC normalizer applies it
// (Qwen2's tokenizers): ICU's NFC, Unicode 15 data on Debian 12. Thread-safe.

#include <string>
#include <string_view>

namespace rlhf::text {

// Whether this build has ICU (a build without it refuses tokenizers that normalize).
bool nfcAvailable();
// `utf8` (valid UTF-8) in NFC. ASCII text is returned as it is without a conversion. Throws
// std::runtime_error in a build without ICU.
std::string toNfc(std::string_view utf8);

}  // namespace rlhf::text
