#include "ModelCommands.h"

#include <filesystem>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "CliSupport.h"
#include "EngineCommands.h"
#include "DeviceOption.h"
#include "CompletionOutput.h"
#include "MemoryCheck.h"
#include "ModelTextCommands.h"
#include "RowTokenBound.h"
#include "model/TextModel.h"
#include "TokenIdCommands.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/Scoring.h"
#include "train/RewardScorer.h"

namespace rlhf::cli {

namespace {

struct ModelOptions {
    std::string modelDir;
    std::string device = "cpu";
    std::string precision = "fp32";  // score, generate: --precision (DeviceOption)
    std::string text, prompt, response;
    std::string ids;      // --ids 1,2,3: token ids instead of texts (TokenIdCommands)
    bool idsGiven = false;  // --ids was given, even empty (parseTokenIds then says why that is no list)
    model::SamplingOptions sampling;
    int num = 1;
    bool json = false;    // --json: JSON is the default output anyway; with --stream it picks JSON lines
    bool stream = false;  // generate --stream
    bool skipSpecialTokens = false;
    LlamaChatOptions chat;  // generate --chat / --system / --chat-format (Llama family)
};

// Errors (missing files, bad config, bad tensors) propagate to main(), which prints them and exits 1.
// A GPT-2 checkpoint, once the memory check for `what` of `size` has let it load.
model::LoadedModel loadModel(const ModelOptions& o, const std::string& what, const model::StageSize& size) {
    const torch::Device where = resolveDevice(o.device);
    checkInferenceMemory(o.modelDir, size, where.is_cuda(), what);
    return model::loadCheckpoint(o.modelDir, where);
}

// The prompt and response as one row, bounded by their bytes (RowTokenBound).
int64_t textTokenBound(const std::string& prompt, const std::string& response) {
    return rowTokenBound(std::vector<data::Demonstration>{{prompt, response}});
}

// The text's own tokens (`ids`), and the ids generate and score give the model for it as a prompt
// (`prompt_ids`: with the tokenizer's BOS, or whatever its post-processor adds, for a Llama-family model).
void runTokenize(const ModelOptions& o) {
    if (!std::filesystem::is_directory(o.modelDir)) throw UserError(o.modelDir + ": not a model directory");
    if (!text::Tokenizer::existsIn(o.modelDir))
        throw UserError(o.modelDir + ": no tokenizer files (tokenizer.json, tokenizer.model, or vocab.json and merges.txt)");
    const text::Tokenizer tok = text::Tokenizer::fromDirectory(o.modelDir);
    const bool textModel = model::isTextModelType(model::modelTypeOf(o.modelDir));
    printResult({{"ids", encodeOrThrow(tok, o.text, "TEXT")},
                 {"prompt_ids", encodeOrThrow(tok, o.text, "TEXT", textModel ? TextRole::Prompt : TextRole::Plain)}},
                o.json);
}

void runScore(const ModelOptions& o) {
    if (o.idsGiven) return scoreTokenIds(o.modelDir, parseTokenIds(o.ids), o.device, o.precision, o.json);
    if (model::isTextModelType(model::modelTypeOf(o.modelDir)))
        return scoreModelText(o.modelDir, o.prompt, o.response, o.device, o.precision, o.json);
    inferenceDtype(o.precision, o.modelDir, torch::kCPU);  // refuses bf16 for a GPT-2
    auto loaded = loadModel(o, "rlhf score", {"score", 1, 0, textTokenBound(o.prompt, o.response), 0, false});
    const auto prompt = encodeOrThrow(*loaded.tokenizer, o.prompt, "--prompt");
    const auto response = encodeOrThrow(*loaded.tokenizer, o.response, "--response", TextRole::Continuation);
    if (prompt.empty()) throw UserError("--prompt: must not be empty");
    const auto score = model::scoreResponse(loaded.model, prompt, response);
    printResult({{"logprob", score.sum}, {"token_logprobs", score.tokenLogprobs}, {"response_ids", response}}, o.json);
}

void runReward(const ModelOptions& o) {
    const torch::Device where = resolveDevice(o.device);
    checkInferenceMemory(o.modelDir, {"score", 1, 0, textTokenBound(o.prompt, o.response), 0, false}, where.is_cuda(), "rlhf reward");
    train::RewardScorer scorer(o.modelDir, where);
    if (o.prompt.empty() && o.response.empty()) throw UserError("--prompt, --response: both are empty");
    encodeOrThrow(scorer.tokenizer(), o.prompt, "--prompt");
    encodeOrThrow(scorer.tokenizer(), o.response, "--response");
    const auto values = scorer.values(o.prompt, o.response);
    nlohmann::ordered_json out = {{"reward", values.at(0)}};
    if (values.size() > 1) out["rewards"] = values;  // a head with several labels
    printResult(out, o.json);
}

void runGenerate(const ModelOptions& o) {
    if (o.idsGiven)
        return generateFromTokenIds(o.modelDir, parseTokenIds(o.ids), o.sampling, o.num, o.device, o.precision, o.json);
    const CompletionOutput output{o.json, o.stream, o.skipSpecialTokens};
    if (model::isTextModelType(model::modelTypeOf(o.modelDir)))
        return generateModelText(o.modelDir, o.device, o.precision, o.prompt, o.chat, o.sampling, o.num, output);
    inferenceDtype(o.precision, o.modelDir, torch::kCPU);  // refuses bf16 for a GPT-2
    if (o.chat.chat || !o.chat.format.empty() || !o.chat.system.empty())
        throw UserError("--chat, --chat-format, --system: for Llama-family models (a workbench GPT-2 is prompted in the "
                        "HH form: \"\\n\\nHuman: …\\n\\nAssistant:\")");
    const model::StageSize size{"generate", o.num, 0, textTokenBound(o.prompt, ""), o.sampling.maxNewTokens, false};
    auto loaded = loadModel(o, "rlhf generate", size);
    const auto prompt = encodeOrThrow(*loaded.tokenizer, o.prompt, "--prompt");
    if (prompt.empty()) throw UserError("--prompt: must not be empty");
    generateAndPrint(*loaded.tokenizer, prompt, o.num, output, [&](const model::TokenCallback& onToken) {
        return model::generate(loaded.model, std::vector<std::vector<int>>(static_cast<size_t>(o.num), prompt), o.sampling, onToken);
    });
}

}  // namespace

void addModelCommands(CLI::App& app) {
    auto o = std::make_shared<ModelOptions>();
    auto addCommon = [&](CLI::App* cmd) {
        cmd->add_option("--model", o->modelDir, "Model directory (Hugging Face GPT-2, Llama, Qwen2 or Mamba layout)")->required();
        cmd->add_flag("--json", o->json, "JSON output (default: text)");
    };
    CLI::App* tokenize = app.add_subcommand("tokenize", engineCommandDescription("tokenize"));
    addCommon(tokenize);
    tokenize->add_option("TEXT", o->text, "Text to tokenize")->required();
    tokenize->footer("Prints the text's own ids, and prompt_ids: the ids generate and score give the model for the text as a "
                     "prompt (a Llama-family tokenizer puts its BOS first).");
    tokenize->callback([o] { runTokenize(*o); });

    // score and reward: a model, a prompt and a response; score also token ids.
    for (auto [name, run] : {std::pair{"score", &runScore}, std::pair{"reward", &runReward}}) {
        CLI::App* cmd = app.add_subcommand(name, engineCommandDescription(name));
        addCommon(cmd);
        auto* prompt = cmd->add_option("--prompt", o->prompt, "Prompt text (tokenized on its own)");
        auto* response = cmd->add_option("--response", o->response, "Response text, encoded as a continuation of the prompt and appended (a SentencePiece model adds no word-start space of its own)");
        if (std::string(name) == "score") {
            auto* ids = cmd->add_option("--ids", o->ids, "Token ids 1,2,3,… instead of texts: the log-prob of each after the first (no BOS added)")
                            ->excludes(prompt)
                            ->excludes(response);
            addInferencePrecisionOption(cmd, o->precision, "fp32");
            cmd->callback([o, prompt, response, ids] {
                o->idsGiven = ids->count() > 0;
                if (!o->idsGiven && (prompt->count() == 0 || response->count() == 0))
                    throw UsageError("--prompt and --response, or --ids, are required");
                runScore(*o);
            });
        } else {
            prompt->required();
            response->required();
            cmd->callback([o, run = run] { run(*o); });
        }
        addDeviceOption(cmd, o->device);
    }

    CLI::App* gen = app.add_subcommand("generate", engineCommandDescription("generate"));
    addCommon(gen);
    auto* genPrompt = gen->add_option("--prompt", o->prompt, "Prompt text");
    auto* genIds = gen->add_option("--ids", o->ids, "Prompt token ids 1,2,3,… instead of a text (used as given: no BOS added)")->excludes(genPrompt);
    gen->add_option("--max-new-tokens", o->sampling.maxNewTokens,
                    "New tokens at most (default 64; clamped to a GPT-2's context; a Llama-family model's rotary positions go "
                    "on past max_position_embeddings)")
        ->check(CLI::Range(0, 1 << 20));
    gen->add_option("--temperature", o->sampling.temperature, "Divides the logits before sampling")->check(greaterThanZero());
    gen->add_option("--top-k", o->sampling.topK, "Sample among the k likeliest tokens (0: all)")->check(zeroOrMore());
    gen->add_option("--top-p", o->sampling.topP, "Sample within the smallest set of probability p")->check(CLI::Range(0.0, 1.0));
    gen->add_flag("--greedy", o->sampling.greedy, "Always the likeliest token");
    gen->add_option("--seed", o->sampling.seed, "Sampling seed (default 0: the same completions every time unless changed)");
    gen->add_option("--num", o->num, "Number of completions")->check(CLI::Range(1, 4096));
    gen->add_flag("--stream", o->stream,
                  "Print the text as it is generated (one completion); with --json, a JSON line per token "
                  "({\"completion\",\"id\",\"text\"}) before the completions, and a last {\"completion\",\"text\"} without an id "
                  "for bytes that never completed a character (shown as U+FFFD)");
    auto* chat = gen->add_flag("--chat", o->chat.chat,
                               "Llama family: the prompt is a user message in the model's chat format (its "
                               "tokenizer_config.json chat_template, or --chat-format), followed by the assistant's cue")
                     ->excludes(genIds);
    gen->add_option("--system", o->chat.system, "With --chat: a system message before the user's")->needs(chat);
    gen->add_option("--chat-format", o->chat.format, "With --chat: chatml, llama-3, llama-2 or zephyr, whatever the template says")
        ->needs(chat);
    gen->add_flag("--skip-special-tokens", o->skipSpecialTokens,
                  "Leave special tokens (<|endoftext|>, those special_tokens_map.json names) out of the text; ids keep them");
    addDeviceOption(gen, o->device);
    addInferencePrecisionOption(gen, o->precision, "fp32");
    gen->callback([o, genPrompt, genIds] {
        o->idsGiven = genIds->count() > 0;
        if (!o->idsGiven && genPrompt->count() == 0) throw UsageError("--prompt or --ids is required");
        // Found before anything loads, as CLI11's own usage errors are.
        if (o->idsGiven && o->stream) throw UsageError("--stream: not with --ids (the ids come out in the JSON)");
        if (o->stream && !o->json && o->num > 1)
            throw UsageError("--stream: shows one completion as text; with --num above 1 add --json (a JSON line per token)");
        runGenerate(*o);
    });
}

}  // namespace rlhf::cli
