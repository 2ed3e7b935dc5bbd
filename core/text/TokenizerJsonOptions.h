#pragma once
// What a Hugging Face tokenizer.json asks beyond its vocabulary, merges and added tokens, checked against
// what ByteLevelBpe implements, for GPT-2, Llama-3, Qwen2 and SmolLM-style files:
//   - model: BPE without dropout, subword affixes or byte fallback; ignore_merges (Llama-3: a pre-token
//     that is itself in the vocabulary is that token, whatever the merges would make of it);
//   - normalizer: none, or NFC (Qwen2);
//   - pre_tokenizer: a sequence of Split (a Regex or String pattern, behavior Isolated, not inverted),
//     Digits and ByteLevel (GPT-2's regex when use_regex, add_prefix_space only as the first step);
//     none means GPT-2's ByteLevel;
//   - post_processor: ByteLevel (offsets only), TemplateProcessing (the special tokens it puts around a
//     single text: Llama-3's <|begin_of_text|>), or a Sequence of them.
// Anything else is refused with the field named, rather than tokenised differently from transformers.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "text/RegexSplitter.h"

namespace rlhf::text {

struct TokenizerJsonOptions {
    std::vector<RegexSplitter> preTokenizer;  // the steps in order
    bool gpt2PreTokenizer = true;             // preTokenizer is GPT-2's one regex step
    bool addPrefixSpace = false;              // a space before each stretch of text that does not start with one
    bool ignoreMerges = false;
    bool nfc = false;
    std::vector<int> idsBefore, idsAfter;     // the post-processor's special token ids around a single text
};

// Throws TokenizerError naming `path` and the field.
TokenizerJsonOptions tokenizerJsonOptions(const nlohmann::json& tokenizer, const std::string& path);

}  // namespace rlhf::text
