#include "TokenStreamPrinter.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "text/Tokenizer.h"
#include "text/Utf8.h"

namespace rlhf::cli {

namespace {

// Whole characters stay as they are; a byte that is no part of one becomes U+FFFD.
std::string lossy(const std::string& bytes) { return text::encodeUtf8(text::decodeUtf8(bytes)); }

}  // namespace

TokenStreamPrinter::TokenStreamPrinter(const text::Tokenizer& tokenizer, size_t completions, Form form,
                                       bool skipSpecialTokens)
    : tokenizer_(tokenizer), form_(form), skipSpecialTokens_(skipSpecialTokens), ids_(completions), text_(completions),
      printed_(completions, 0) {}

// The new bytes of the completion's text are printed up to their last whole character; a character
// still arriving waits for its last byte.
bool TokenStreamPrinter::onToken(size_t index, int id) {
    ids_.at(index).push_back(id);
    std::string& text = text_[index];
    if (text.empty()) text = tokenizer_.decode(ids_[index], skipSpecialTokens_);
    else text += tokenizer_.tokenBytes(id, skipSpecialTokens_);
    const std::string fresh = text.substr(printed_[index]);
    const size_t ready = text::completeUtf8Prefix(fresh);
    print(index, id, lossy(fresh.substr(0, ready)));
    printed_[index] += ready;
    return true;
}

void TokenStreamPrinter::finish() {
    for (size_t i = 0; i < ids_.size(); ++i) {
        const std::string rest = text_[i].substr(printed_[i]);
        printed_[i] += rest.size();
        if (rest.empty()) continue;
        if (form_ == Form::Text) std::cout << text::withVisibleControls(lossy(rest));
        else printJsonLine({{"completion", i}, {"text", lossy(rest)}});
    }
    if (form_ == Form::Text) std::cout << '\n';
    std::cout << std::flush;
}

void TokenStreamPrinter::print(size_t index, int id, const std::string& piece) const {
    if (form_ == Form::Text) std::cout << text::withVisibleControls(piece) << std::flush;
    else printJsonLine({{"completion", index}, {"id", id}, {"text", piece}});
}

}  // namespace rlhf::cli
