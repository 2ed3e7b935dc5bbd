#pragma once
// Prints completions while they are generated (`rlhf generate --stream`): as text, each token's new
// characters once they are whole (a character split across tokens waits for its last byte); or as JSON
// lines, one per token. Called on the generating thread, from model::generate's token callback.

#include <cstddef>
#include <string>
#include <vector>

namespace rlhf::text {
class Tokenizer;
}

namespace rlhf::cli {

class TokenStreamPrinter {
public:
    enum class Form { Text, JsonLines };

    TokenStreamPrinter(const text::Tokenizer& tokenizer, size_t completions, Form form, bool skipSpecialTokens);

    // Prints what token `id` of completion `index` makes whole; always returns true (go on).
    bool onToken(size_t index, int id);
    // Prints what is still held back (bytes that never became a character, as U+FFFD); ends the text line.
    void finish();

private:
    void print(size_t index, int id, const std::string& piece) const;

    const text::Tokenizer& tokenizer_;
    Form form_;
    bool skipSpecialTokens_;
    // Per completion: its ids and text so far, and how many bytes of the text were printed. Until the text
    // has a byte, it is the ids decoded whole (a SentencePiece decoder drops the space at a text's start);
    // after that each token adds its bytes where it stands (Tokenizer::tokenBytes).
    std::vector<std::vector<int>> ids_;
    std::vector<std::string> text_;
    std::vector<size_t> printed_;
};

}  // namespace rlhf::cli
