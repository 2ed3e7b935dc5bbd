#pragma once
// Prints completions while they are generated (`rlhf generate --stream`): as text, each token's new
// characters once they are whole (a character split across tokens waits for its last byte); or as JSON
// lines, one per token. Called on the generating thread, from model::generate's token callback.

#include <cstddef>
#include <string>
#include <vector>

namespace rlhf::text {
class ByteLevelBpe;
}

namespace rlhf::cli {

class TokenStreamPrinter {
public:
    enum class Form { Text, JsonLines };

    TokenStreamPrinter(const text::ByteLevelBpe& tokenizer, size_t completions, Form form, bool skipSpecialTokens);

    // Prints what token `id` of completion `index` makes whole; always returns true (go on).
    bool onToken(size_t index, int id);
    // Prints what is still held back (bytes that never became a character, as U+FFFD); ends the text line.
    void finish();

private:
    void print(size_t index, int id, const std::string& piece) const;

    const text::ByteLevelBpe& tokenizer_;
    Form form_;
    bool skipSpecialTokens_;
    std::vector<std::string> heldBack_;  // per completion: the start of a character still arriving
};

}  // namespace rlhf::cli
