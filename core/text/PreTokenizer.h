#pragma once
// A Hugging Face pre-tokenizer as a sequence of regex steps (RegexSplitter): the first step cuts the text,
// each later step cuts every piece of the one before, and BPE then works within each final piece. GPT-2's
// ByteLevel pre-tokenizer is the one step RegexSplitter::gpt2(); Llama-3 and Qwen2 have their own Split
// pattern; SmolLM puts Digits (each digit alone) before GPT-2's. Thread-safe after construction.

#include <functional>
#include <string_view>
#include <vector>

#include "text/RegexSplitter.h"

namespace rlhf::text {

class PreTokenizer {
public:
    explicit PreTokenizer(std::vector<RegexSplitter> steps);
    static PreTokenizer gpt2();  // GPT-2's ByteLevel: its one regex

    // Calls `onPiece` for each final piece of `utf8` (valid UTF-8) in order.
    void split(std::string_view utf8, const std::function<void(std::string_view)>& onPiece) const;

private:
    void splitFrom(size_t step, std::string_view text, const std::function<void(std::string_view)>& onPiece) const;

    std::vector<RegexSplitter> steps_;
};

}  // namespace rlhf::text
