#pragma once
// What a Hugging Face tokenizer.json asks beyond its vocabulary, merges and added tokens, checked against
// what ByteLevelBpe implements: a BPE model without dropout, subword affixes, byte fallback or
// ignore_merges; no normalizer; GPT-2's ByteLevel pre-tokenizer (with its regex), with or without
// add_prefix_space. Anything else is refused with the field named, rather than tokenised differently
// from transformers.

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace rlhf::text {

struct ByteLevelOptions {
    bool addPrefixSpace = false;  // a space before each stretch of text that does not start with one
};

// Throws TokenizerError naming `path` and the field.
ByteLevelOptions byteLevelOptionsFromTokenizerJson(const nlohmann::json& tokenizer, const std::string& path);

}  // namespace rlhf::text
