#include "TokenStreamPrinter.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "text/ByteLevelBpe.h"
#include "text/Utf8.h"

namespace rlhf::cli {

namespace {

// Whole characters stay as they are; a byte that is no part of one becomes U+FFFD.
std::string lossy(const std::string& bytes) { return text::encodeUtf8(text::decodeUtf8(bytes)); }

}  // namespace

TokenStreamPrinter::TokenStreamPrinter(const text::ByteLevelBpe& tokenizer, size_t completions, Form form,
                                       bool skipSpecialTokens)
    : tokenizer_(tokenizer), form_(form), skipSpecialTokens_(skipSpecialTokens), heldBack_(completions) {}

// A completion's text is its tokens' bytes one after another, so each token's bytes are appended to what
// was held back, and the buffer is printed up to its last whole character.
bool TokenStreamPrinter::onToken(size_t index, int id) {
    std::string& bytes = heldBack_.at(index);
    bytes += tokenizer_.decode({id}, skipSpecialTokens_);
    const size_t ready = text::completeUtf8Prefix(bytes);
    print(index, id, lossy(bytes.substr(0, ready)));
    bytes.erase(0, ready);
    return true;
}

void TokenStreamPrinter::finish() {
    for (size_t i = 0; i < heldBack_.size(); ++i) {
        if (heldBack_[i].empty()) continue;
        if (form_ == Form::Text) std::cout << lossy(heldBack_[i]);
        else printJsonLine({{"completion", i}, {"text", lossy(heldBack_[i])}});
        heldBack_[i].clear();
    }
    if (form_ == Form::Text) std::cout << '\n';
    std::cout << std::flush;
}

void TokenStreamPrinter::print(size_t index, int id, const std::string& piece) const {
    if (form_ == Form::Text) std::cout << piece << std::flush;
    else printJsonLine({{"completion", index}, {"id", id}, {"text", piece}});
}

}  // namespace rlhf::cli
