#pragma once
// How a fine-tuning stage (SFT, reward model, DPO) turns a prompt and a response into token ids for its model.
//   Plain text: the prompt's ids as transformers' tokenizer(prompt) gives them (with the special tokens
//     tokenizer.json's post-processor adds: Llama-3's <|begin_of_text|>; none for GPT-2), then the
//     response's, ended by the model's EOS id. A GPT-2, a Mamba or a base Llama-family model (no chat
//     template) is trained so, as `rlhf generate --prompt` prompts it.
//   Chat template: when the model's tokenizer_config.json has a chat template of a format the workbench
//     renders (chat/InstructFormat: ChatML, Llama-3, Llama-2, Zephyr), the prompt is rendered as turns
//     followed by the assistant's cue, and the response is ended by the format's end-of-turn token
//     (<|im_end|>, <|eot_id|>, </s>): the markup the Chat panel and `rlhf chat` talk to the model in, and
//     what TRL's trainers apply to conversational data. A prompt in the HH dialogue form ("\n\nHuman: …
//     \n\nAssistant: …\n\nHuman: …\n\nAssistant:", how the project stores conversational prompts) is
//     split into its user, assistant and system turns, as TRL's hh-rlhf conversion splits it; any other
//     prompt is one user turn. The response loses the one leading space HH puts after "Assistant:".
//     Llama-3.1/3.2's dated system block carries the template's default date ("26 Jul 2024"), not the
//     day's, so that a run's rows are the same on every day it runs.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "chat/InstructFormat.h"
#include "text/Tokenizer.h"

namespace rlhf::train {

struct ResponseEncoding {
    std::optional<chat::InstructFormat> format;  // nullopt: plain text
    int endId = -1;                              // the id that ends every response
    // The source tokenizer_config.json's chat_template, bos_token and eos_token (those it has), with a format.
    nlohmann::json templateFields = nlohmann::json::object();

    std::vector<int> prompt(const text::Tokenizer& tokenizer, const std::string& text) const;
    std::vector<int> response(const text::Tokenizer& tokenizer, const std::string& text) const;  // without the end id
    // The ids a reward model reads for a prompt and a response (its reward is the last one's): in a chat
    // template the whole exchange, ended by the end-of-turn token (what TRL's reward trainer scores of a
    // conversation); in plain text the prompt's ids and the response's, without EOS (as the workbench's
    // GPT-2 reward models have always read them). An empty result becomes endId alone.
    std::vector<int> scored(const text::Tokenizer& tokenizer, const std::string& prompt, const std::string& response) const;
    std::string describe() const;  // "plain text" or "the chatml chat template", for messages
    // Puts templateFields into `checkpointDir`/tokenizer_config.json where it lacks them: a tokenizer saved
    // in the GPT-2 file form writes a tokenizer_config.json without the template, and a run resumed from
    // the checkpoint, the next stage and the Chat panel must find the markup the model was trained in.
    void keepTemplateIn(const std::string& checkpointDir) const;
};

// The encoding for the model in `modelDir` whose EOS id is `eos`: its chat template when it has one the
// workbench renders and the tokenizer knows its end-of-turn token, else plain text.
ResponseEncoding responseEncodingFor(const std::string& modelDir, const text::Tokenizer& tokenizer, int eos);

// "its vocabulary (N tokens) is not the policy's (M)", or nullopt when they are one size: a reward model
// is handed the policy's ids.
std::optional<std::string> rewardVocabularyMismatch(int64_t policyVocab, int64_t rewardVocab);

// Why a reward model reading with `reader` (and its tokenizer) would not score what a policy writes with
// `writer`: their ids for a probe exchange differ (another template, system prompt, BOS, end id or
// tokenizer). nullopt when it reads them alike. PPO needs them alike: the reward model scores the policy's rows.
std::optional<std::string> rewardReadingMismatch(const ResponseEncoding& writer, const text::Tokenizer& writerTokenizer,
                                                 const ResponseEncoding& reader, const text::Tokenizer& readerTokenizer);

}  // namespace rlhf::train
