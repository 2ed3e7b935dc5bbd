#pragma once
// The GPT-2 pre-tokenizer: splits text into the pieces BPE works within, with the GPT-2 regex
// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+  (PCRE2, Unicode properties, JIT),
// \s being Unicode's White_Space, as the Hugging Face and OpenAI tokenizers read it.
// Thread-safe: the compiled pattern is shared, match data is per call.

#include <functional>
#include <memory>
#include <string_view>

namespace rlhf::text {

class Gpt2PreTokenizer {
public:
    Gpt2PreTokenizer();
    ~Gpt2PreTokenizer();
    Gpt2PreTokenizer(Gpt2PreTokenizer&&) noexcept;
    Gpt2PreTokenizer& operator=(Gpt2PreTokenizer&&) noexcept;

    // Calls `onPiece` for each piece of `utf8` in order. The text must be valid UTF-8.
    void split(std::string_view utf8, const std::function<void(std::string_view)>& onPiece) const;

private:
    struct Pattern;
    std::unique_ptr<Pattern> pattern_;
};

}  // namespace rlhf::text
