#include "CandidatesCommand.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include <torch/torch.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "DeviceOption.h"
#include "EngineCommands.h"
#include "EvalReport.h"
#include "data/LabellingPackage.h"
#include "data/PromptTexts.h"
#include "data/RankingStore.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/LlamaConfig.h"
#include "model/TextModel.h"
#include "TextModelTokenizer.h"
#include "train/ResponseEncoding.h"

namespace rlhf::cli {

namespace {

struct CandidatesOptions {
    std::string project, models, split, round, device = "cpu";
    std::string precision = "auto";  // --precision (DeviceOption's inferenceDtype): samples for people to rank
    int k = 4, maxPrompts = 20, threads = 0;
    model::SamplingOptions sampling;
    bool json = false;
};

// A model that writes candidates: `sample` gives `samples` completions of a prompt's text (none when
// the prompt has no tokens), `tokenizer` decodes them.
struct Generator {
    std::string origin;  // what the item records: "sft-3" for run 3, else the directory's name
    std::shared_ptr<const text::Tokenizer> tokenizer;
    std::function<std::vector<model::Completion>(const std::string& prompt, int samples, const model::SamplingOptions& sampling)> sample;
};

Generator gpt2Generator(const std::string& origin, const std::string& dir, const torch::Device& device) {
    auto loaded = std::make_shared<model::LoadedModel>(model::loadCheckpoint(dir, device));
    std::shared_ptr<const text::Tokenizer> tokenizer(loaded, &*loaded->tokenizer);  // lives as long as the model
    return {origin, tokenizer, [loaded, tokenizer](const std::string& prompt, int samples, const model::SamplingOptions& sampling) {
                const auto ids = tokenizer->encode(prompt);
                if (ids.empty()) return std::vector<model::Completion>();
                return model::generate(loaded->model, std::vector<std::vector<int>>(static_cast<size_t>(samples), ids), sampling);
            }};
}

// A Llama-family model or a Mamba, prompted as the workbench fine-tunes it (train/ResponseEncoding): in
// its chat template when it has one, the response ending at the template's end-of-turn tokens (as `rlhf
// generate --chat` ends it); else the plain text, ending at the config's EOS.
Generator textModelGenerator(const std::string& origin, const std::string& dir, const torch::Device& device, torch::ScalarType dtype) {
    auto tokenizer = std::make_shared<const text::Tokenizer>(textModelTokenizer(dir));
    auto textModel = std::make_shared<model::TextModel>(model::loadTextModel(dir, device, dtype));
    const auto encoding = train::responseEncodingFor(dir, *tokenizer, -1);
    const std::vector<int> stopIds = encoding.format ? chat::endOfTurnIds(*encoding.format, *tokenizer) : std::vector<int>{};
    return {origin, tokenizer, [=](const std::string& prompt, int samples, const model::SamplingOptions& sampling) {
                const auto ids = encoding.prompt(*tokenizer, prompt);
                if (ids.empty()) return std::vector<model::Completion>();
                return textModel->generate(ids, samples, sampling, {}, stopIds);
            }};
}

std::string defaultRoundName() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "round-%Y%m%d-%H%M%S", std::localtime(&now));
    return text;
}

// The distinct responses to `prompt` (and each one's origin; a text two models wrote names both).
void respond(std::vector<Generator>& generators, const std::string& prompt, int samples, model::SamplingOptions sampling,
             std::vector<std::string>& texts, std::vector<std::string>& origins) {
    for (auto& g : generators) {
        for (const auto& c : g.sample(prompt, samples, sampling)) {
            const std::string text = g.tokenizer->decodeLossy(c.ids, true);
            if (text.find_first_not_of(" \n\t") == std::string::npos) continue;
            const auto seen = std::find(texts.begin(), texts.end(), text);
            if (seen == texts.end()) {
                texts.push_back(text);
                origins.push_back(g.origin);
            } else if (std::string& o = origins[static_cast<size_t>(seen - texts.begin())]; o.find(g.origin) == std::string::npos) {
                o += ", " + g.origin;
            }
        }
    }
}

void runCandidates(const CandidatesOptions& given) {
    CandidatesOptions o = given;
    auto store = data::ProjectStore::open(o.project, false);
    std::vector<NamedModel> models;
    for (const auto& name : commaList(o.models)) models.push_back(resolveModel(*store, name, "--models"));
    if (models.empty()) throw UserError("--models: name at least one run id or model directory");
    const bool round = models.size() > 1 || !o.round.empty();
    if (o.split.empty()) o.split = round ? "test" : "train";
    if (round && o.round.empty()) o.round = defaultRoundName();
    const int samples = models.size() > 1 ? 1 : o.k;
    auto prompts = data::readPromptTexts(store->database(), o.split);
    if (o.maxPrompts > 0 && prompts.size() > static_cast<size_t>(o.maxPrompts)) prompts.resize(static_cast<size_t>(o.maxPrompts));
    if (prompts.empty()) throw UserError(o.project + ": no prompts in the " + o.split + " split (rlhf split assigns one)");
    const torch::Device device = resolveDevice(o.device, o.threads);
    std::vector<Generator> generators;
    for (const auto& m : models) {
        const auto dtype = inferenceDtype(o.precision, m.dir, device);  // refuses bf16 for a GPT-2 or a Mamba
        generators.push_back(model::isTextModelType(model::modelTypeOf(m.dir)) ? textModelGenerator(shortNameOf(m), m.dir, device, dtype)
                                                                              : gpt2Generator(shortNameOf(m), m.dir, device));
    }
    torch::NoGradGuard noGrad;
    data::RankingStore rankings(store->database());
    int64_t made = 0, skipped = 0;
    for (size_t p = 0; p < prompts.size(); ++p) {
        std::vector<std::string> texts, origins;
        o.sampling.seed = given.sampling.seed + p;
        respond(generators, prompts[p], samples, o.sampling, texts, origins);
        if (texts.size() < 2) {
            ++skipped;  // fewer than two different answers: nothing to rank
            continue;
        }
        data::Transaction tx(store->database());
        bool created = false;
        std::vector<int> order;
        const auto item = rankings.ensureItem(prompts[p], texts, origins, "model", created, order);
        if (created && round) rankings.setRound(item.id, o.round);
        data::refreshPackageDigest(store->database());
        tx.commit();
        made += created;
        if (o.json) printJsonLine({{"item", item.id}, {"prompt", p + 1}, {"prompts", prompts.size()}});
        else std::cerr << "rlhf candidates: " << p + 1 << "/" << prompts.size() << " prompts\n";
    }
    nlohmann::ordered_json result = {{"items", made}, {"skipped", skipped}, {"prompts", prompts.size()}, {"split", o.split},
                                     {"round", round ? o.round : std::string()}};
    nlohmann::json origins = nlohmann::json::array();
    for (const auto& g : generators) origins.push_back(g.origin);
    result["models"] = origins;
    printResult(result, o.json);
}

}  // namespace

void addCandidatesCommand(CLI::App& app) {
    auto o = std::make_shared<CandidatesOptions>();
    CLI::App* cmd = app.add_subcommand("candidates", engineCommandDescription("candidates"));
    cmd->add_option("PROJECT", o->project, "Project file (.rlhf)")->required();
    cmd->add_option("--models", o->models, "Run ids or model directories; several make an evaluation round")->required();
    cmd->add_option("--k", o->k, "Samples per prompt with one model (default 4)")->check(CLI::Range(2, 9));
    cmd->add_option("--split", o->split, "Prompts of this split (default: train, or test for a round)")
        ->check(CLI::IsMember({"train", "validation", "test"}));
    cmd->add_option("--max-prompts", o->maxPrompts, "The first N prompts (default 20; 0: all)")->check(zeroOrMore());
    cmd->add_option("--round", o->round, "Name of the evaluation round (default: round-DATE-TIME with several models)");
    cmd->add_option("--max-new-tokens", o->sampling.maxNewTokens, "New tokens per response at most (default 64)")->check(greaterThanZero());
    cmd->add_option("--temperature", o->sampling.temperature, "Sampling temperature (default 1)")->check(greaterThanZero());
    cmd->add_option("--top-p", o->sampling.topP, "Nucleus sampling (default 1)")->check(CLI::Range(0.0, 1.0));
    cmd->add_flag("--greedy", o->sampling.greedy, "The likeliest token each step (one response per model)");
    cmd->add_option("--seed", o->sampling.seed, "Sampling seed (prompt i uses seed + i)");
    addDeviceOption(cmd, o->device);
    addInferencePrecisionOption(cmd, o->precision, "auto");
    cmd->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json", o->json, "A JSON line per item made, then the result");
    cmd->callback([o] { runCandidates(*o); });
}

}  // namespace rlhf::cli
