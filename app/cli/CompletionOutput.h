#pragma once
// How `rlhf generate` prints completions, whatever the model: streamed while generated (--stream: text,
// or with --json a JSON line per token), then as text (each completion under a header when several) or
// as {"prompt_ids": what the model was given, "completions": [{"text", "ids", "ended_with_eos"}]}.

#include <functional>
#include <vector>

#include "model/Generation.h"

namespace rlhf::text {
class Tokenizer;
}

namespace rlhf::cli {

struct CompletionOutput {
    bool json = false;
    bool stream = false;
    bool skipSpecialTokens = false;
};

// Calls `generate` with the token callback the output needs (empty when not streaming) and prints what
// it returns. Streaming as text takes one completion (`rlhf generate` refuses --stream with --num above 1
// without --json).
void generateAndPrint(const text::Tokenizer& tokenizer, const std::vector<int>& promptIds, int num, const CompletionOutput& output,
                      const std::function<std::vector<model::Completion>(const model::TokenCallback&)>& generate);

}  // namespace rlhf::cli
