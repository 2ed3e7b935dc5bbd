// Training the Llama family (model/LlamaModule through model/CausalLm): the training log-probs equal the
// scoring path's (itself checked against the reference logits), a checkpoint saves and loads back
// exactly with its config fields, SFT and DPO render prompts in the model's chat template and end
// responses with its end-of-turn token, an SFT run learns a response and stops after it, a resumed run
// matches an uninterrupted one bit for bit, and DPO starts at loss ln 2 and learns the chosen responses;
// a Mamba takes DPO too.
// torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "TensorCompare.h"
#include "TestData.h"
#include "TinyRunConfig.h"
#include "model/CausalLm.h"
#include "model/LlamaCheckpoint.h"
#include "model/LlamaGeneration.h"
#include "model/MambaCheckpoint.h"
#include "train/DpoRun.h"
#include "train/SftRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return test::dataPath("tiny-llama/" + name); }

std::vector<data::Demonstration> demonstrations() {
    return {{"hi", "Hello! How can I help?"}, {"2+2?", "4"}, {"Name a colour.", "Blue, like the sky."}};
}

std::vector<data::PreferencePair> pairs() {
    std::vector<data::PreferencePair> out;
    for (int i = 0; i < 4; ++i) out.push_back({"is " + std::to_string(i) + " a number?", "Yes, it is.", "No idea.", std::nullopt});
    return out;
}

train::FineTuneConfig sftConfig(const std::string& model, int64_t maxSteps) { return test::tinyRunConfig(model, maxSteps, 3, 5); }

train::DpoConfig dpoConfig(const std::string& model, int64_t maxSteps) {
    return test::tinyRunConfig<train::DpoConfig>(model, maxSteps, 2, 0);
}

std::vector<std::map<std::string, double>> stepValues(train::DpoRun& run) {
    std::vector<std::map<std::string, double>> out;
    run.run(nullptr, [&](const train::StepStats& s) { out.push_back(s.values); });
    return out;
}

std::vector<double> metricLosses(const fs::path& run) {
    std::ifstream in(run / "metrics.jsonl");
    std::vector<double> out;
    for (std::string line; std::getline(in, line);)
        if (const auto j = nlohmann::json::parse(line); j.contains("loss")) out.push_back(j.at("loss").get<double>());
    return out;
}

}  // namespace

class LlamaTrainingTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-llama-train-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // The summed training log-probs of a sequence are the scoring path's (LlamaModel::tokenLogProbs, whose
    // logits match the reference), for a Qwen2 with biases and shards and a Llama with an untied head.
    void trainingLogProbsAreTheScoringOnes() {
        for (const char* name : {"qwen2", "llama"}) {
            auto llama = model::loadLlamaModule(fixture(name), torch::kCPU);
            model::CausalLm lm(llama);
            QCOMPARE(lm.architecture(), std::string(name));
            const std::vector<int> ids = {3, 9, 4, 12, 5, 6, 11, 2};
            const auto scored = llama->model().tokenLogProbs(ids);
            const auto input = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end() - 1)).unsqueeze(0);
            const auto target = torch::tensor(std::vector<int64_t>(ids.begin() + 1, ids.end())).unsqueeze(0);
            const auto trained = lm.targetLogProbs(input, target);
            QVERIFY(trained.requires_grad());
            for (size_t i = 0; i < scored.size(); ++i)
                QVERIFY2(std::abs(trained[0][static_cast<int64_t>(i)].item<double>() - scored[i]) < 1e-5, name);
        }
    }

    // A loaded model saved again has the same tensors, the source's config fields (float32 now), its
    // generation_config.json and its tokenizer files; a sharded checkpoint comes back as one file.
    void aSavedCheckpointLoadsBackExactly() {
        for (const char* name : {"qwen2", "llama3-chat"}) {
            auto module = model::loadLlamaModule(fixture(name), torch::kCPU);
            const fs::path out = tmp_ / (std::string("saved-") + name);
            std::optional<text::Tokenizer> tokenizer;
            if (fs::exists(fs::path(fixture(name)) / "tokenizer.json")) tokenizer.emplace(text::Tokenizer::fromDirectory(fixture(name)));
            module->save(out.string(), tokenizer ? &*tokenizer : nullptr);
            QVERIFY(fs::exists(out / "model.safetensors"));
            QCOMPARE(fs::exists(out / "tokenizer_config.json"), bool(tokenizer));
            auto source = nlohmann::json::parse(test::readData(std::string("tiny-llama/") + name + "/config.json"));
            auto saved = nlohmann::json::parse(std::ifstream(out / "config.json"));
            QCOMPARE(saved.value("torch_dtype", ""), std::string("float32"));
            saved.erase("torch_dtype");
            QCOMPARE(saved, source);
            QCOMPARE(nlohmann::json::parse(std::ifstream(out / "generation_config.json")),
                     nlohmann::json::parse(test::readData(std::string("tiny-llama/") + name + "/generation_config.json")));
            auto again = model::loadLlamaModule(out.string(), torch::kCPU);
            QCOMPARE(test::flatValues(again->parameters()), test::flatValues(module->parameters()));
            QCOMPARE(again->named_parameters().keys(), module->named_parameters().keys());
        }
        // Tied: the output layer is the embeddings, one parameter; untied, lm_head.weight is its own.
        QVERIFY(!model::loadLlamaModule(fixture("qwen2"), torch::kCPU)->named_parameters().contains("lm_head.weight"));
        QVERIFY(model::loadLlamaModule(fixture("llama"), torch::kCPU)->named_parameters().contains("lm_head.weight"));
    }

    // The llama3-chat fixture's tokenizer_config.json has a Llama-3 template: the prompt is a user turn
    // and the assistant's header, the response ends with <|eot_id|> (382), not <|end_of_text|> (379).
    void rowsUseTheChatTemplate() {
        const auto tokenizer = text::Tokenizer::fromDirectory(fixture("llama3-chat"));
        const auto encoding = train::responseEncodingFor(fixture("llama3-chat"), tokenizer, 379);
        QVERIFY(encoding.format.has_value());
        QCOMPARE(encoding.endId, 382);
        QCOMPARE(encoding.describe(), std::string("the llama-3 chat template"));
        const auto examples = train::makeSftExamples({demonstrations()[1]}, tokenizer, encoding, 200);
        std::vector<int> want = tokenizer.encode(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        const auto promptLength = static_cast<int64_t>(want.size());
        QCOMPARE(want.front(), 378);
        for (int id : tokenizer.encode("4")) want.push_back(id);
        want.push_back(382);
        QCOMPARE(examples.rows.at(0).ids, want);
        QCOMPARE(examples.rows.at(0).promptLength, promptLength);
        // An HH dialogue is split into its turns, and the response loses HH's space after "Assistant:".
        const auto dialogue = train::makeSftExamples({{"\n\nHuman: Hi there\n\nAssistant: Hello!\n\nHuman: 2+2?\n\nAssistant:", " 4"}},
                                                     tokenizer, encoding, 200);
        std::vector<int> turns = tokenizer.encode(
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|><|start_header_id|>assistant<|end_header_id|>"
            "\n\nHello!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        for (int id : tokenizer.encode("4")) turns.push_back(id);
        turns.push_back(382);
        QCOMPARE(dialogue.rows.at(0).ids, turns);
        // A model without a chat template trains on plain text, ended by its EOS.
        const auto plain = train::responseEncodingFor(fixture("qwen2"), tokenizer, 7);
        QVERIFY(!plain.format);
        QCOMPARE(plain.endId, 7);
        std::vector<int> withBos = {378};  // the tokenizer's post-processor puts <|begin_of_text|> first
        for (int id : tokenizer.encode("2+2?")) withBos.push_back(id);
        QCOMPARE(plain.prompt(tokenizer, "2+2?"), withBos);
    }

    // A Llama-3.2 template (tests/data/chat-formats) is rendered with its dated system block, dated with
    // the template's default: the rows do not change with the day a run is resumed on.
    void llama32RowsCarryTheTemplatesDate() {
        const fs::path dir = tmp_ / "llama32";
        fs::create_directories(dir);
        for (const char* file : {"config.json", "generation_config.json", "model.safetensors", "tokenizer.json"})
            fs::copy_file(fs::path(fixture("llama3-chat")) / file, dir / file);
        const auto templates = nlohmann::json::parse(test::readData("chat-formats/templates.json"));
        std::ofstream(dir / "tokenizer_config.json")
            << nlohmann::json{{"chat_template", templates.at("llama3.2")}, {"bos_token", "<|begin_of_text|>"}, {"eos_token", "<|eot_id|>"}}.dump();
        const auto tokenizer = text::Tokenizer::fromDirectory(dir.string());
        const auto encoding = train::responseEncodingFor(dir.string(), tokenizer, 379);
        QVERIFY(encoding.format && !encoding.format->dateFromClock);
        QCOMPARE(encoding.endId, 382);
        QCOMPARE(encoding.prompt(tokenizer, "2+2?"),
                 tokenizer.encode("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\n"
                                  "Today Date: 26 Jul 2024\n\n<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|>"
                                  "<|start_header_id|>assistant<|end_header_id|>\n\n"));
    }

    // Fine-tuned on three demonstrations, the checkpoint answers a train prompt (in the template) with its
    // response and stops at <|eot_id|>.
    void sftLearnsTheResponseAndItsEndOfTurn() {
        auto run = train::SftRun::create((tmp_ / "sft").string(), sftConfig(fixture("llama3-chat"), 60), demonstrations(), {}, torch::kCPU);
        QCOMPARE(run->model().architecture(), std::string("llama"));
        run->run(nullptr, {});
        const auto trained = model::loadLlamaModel(run->lastCheckpoint());
        const auto tokenizer = text::Tokenizer::fromDirectory(run->lastCheckpoint());
        model::SamplingOptions greedy;
        greedy.greedy = true;
        greedy.maxNewTokens = 30;
        const auto d = demonstrations()[0];
        const auto out = model::generateLlama(trained, run->encoding().prompt(tokenizer, d.prompt), 1, greedy).at(0);
        QCOMPARE(tokenizer.decode(out.ids), d.response + "<|eot_id|>");
        QVERIFY(out.endedWithEos);
        const auto losses = metricLosses(tmp_ / "sft");
        QVERIFY2(losses.back() < 0.1 * losses.front(), (std::to_string(losses.front()) + " → " + std::to_string(losses.back())).c_str());
    }

    // Stopped after step 2 of 5 and resumed from its checkpoint, the run ends with the parameters and
    // losses of one that ran through.
    void aResumedSftRunMatchesAnUninterruptedOne() {
        auto c = sftConfig(fixture("llama3-chat"), 5);
        c.batchSize = 2;  // three rows: epochs end inside batches
        c.lr = 1e-3;
        const auto d = demonstrations();
        auto whole = train::SftRun::create((tmp_ / "whole").string(), c, d, {}, torch::kCPU);
        QCOMPARE(whole->run(nullptr, {}).lastStep, int64_t(5));
        std::atomic<bool> stop{false};
        auto first = train::SftRun::create((tmp_ / "parts").string(), c, d, {}, torch::kCPU);
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) { stop = s.step == 2; }).stopped);
        auto second = train::SftRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->step(), int64_t(2));
        QCOMPARE(second->run(nullptr, {}).lastStep, int64_t(5));
        QCOMPARE(test::flatValues(second->model().module().parameters()), test::flatValues(whole->model().module().parameters()));
        QCOMPARE(metricLosses(tmp_ / "parts"), metricLosses(tmp_ / "whole"));
    }

    // A GPT-2 whose tokenizer is saved in the GPT-2 file form (vocab.json, merges.txt) with a Zephyr
    // template: every checkpoint's tokenizer_config.json keeps the template, so the run resumes in it.
    void theTemplateSurvivesAGpt2FormTokenizer() {
        const fs::path base = tmp_ / "gpt2-zephyr";
        fs::create_directories(base);
        for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(test::dataPath(f), base / fs::path(f).filename());
        const auto templates = nlohmann::json::parse(test::readData("chat-formats/templates.json"));
        std::ofstream(base / "tokenizer_config.json") << nlohmann::json{{"chat_template", templates.at("zephyr")}, {"eos_token", "<|endoftext|>"}}.dump();
        auto c = sftConfig(base.string(), 2);
        c.lr = 1e-4;
        auto run = train::SftRun::create((tmp_ / "zephyr").string(), c, demonstrations(), {}, torch::kCPU);
        QVERIFY(run->encoding().format.has_value());
        QCOMPARE(run->encoding().endId, 50256);
        run->run(nullptr, {});
        const auto saved = nlohmann::json::parse(std::ifstream(fs::path(run->lastCheckpoint()) / "tokenizer_config.json"));
        QCOMPARE(saved.at("chat_template"), templates.at("zephyr"));
        QVERIFY(!fs::exists(fs::path(run->lastCheckpoint()) / "tokenizer.json"));  // the GPT-2 file form
        auto resumed = train::SftRun::resume((tmp_ / "zephyr").string(), torch::kCPU, 3);
        QVERIFY(resumed->encoding().format.has_value());
        QCOMPARE(resumed->trainExamples().rows.at(0).ids, run->trainExamples().rows.at(0).ids);
    }

    // DPO's reference is the policy as loaded, so the first step's loss is exactly ln 2; trained on pairs
    // whose chosen response is always the same, the policy comes to prefer it.
    void dpoLearnsTheChosenResponses() {
        auto run = train::DpoRun::create((tmp_ / "dpo").string(), dpoConfig(fixture("llama3-chat"), 12), pairs(), {}, torch::kCPU);
        QVERIFY(run->encoding().format.has_value());
        const auto steps = stepValues(*run);
        QVERIFY2(std::abs(steps.front().at("loss") - std::log(2.0)) < 1e-6, std::to_string(steps.front().at("loss")).c_str());
        QVERIFY2(steps.back().at("loss") < 0.3, std::to_string(steps.back().at("loss")).c_str());
        QCOMPARE(steps.back().at("rewards/accuracies"), 1.0);
        QVERIFY(fs::exists(fs::path(run->lastCheckpoint()) / "tokenizer_config.json"));
    }

    // A Mamba (plain text, its EOS) takes DPO the same way.
    void aMambaTakesDpo() {
        const auto tokenizer = text::Tokenizer::fromDirectory(fixture("llama3-chat"));
        model::MambaConfig mc;
        mc.vocabSize = tokenizer.vocabSize();
        mc.hiddenSize = 16;
        mc.layers = 2;
        mc.intermediateSize = 32;
        mc.stateSize = 4;
        mc.timeStepRank = 1;
        mc.eosTokenIds = {379};
        torch::manual_seed(3);
        model::MambaModel mamba(mc);
        const fs::path base = tmp_ / "mamba-base";
        model::saveMambaModel(base.string(), mamba, &tokenizer);
        fs::remove(base / "tokenizer_config.json");  // plain text: no chat template
        auto run = train::DpoRun::create((tmp_ / "mamba-dpo").string(), dpoConfig(base.string(), 12), pairs(), {}, torch::kCPU);
        QVERIFY(!run->encoding().format);
        QCOMPARE(run->model().architecture(), std::string("mamba"));
        const auto steps = stepValues(*run);
        QVERIFY2(std::abs(steps.front().at("loss") - std::log(2.0)) < 1e-6, std::to_string(steps.front().at("loss")).c_str());
        QVERIFY2(steps.back().at("loss") < 0.3, std::to_string(steps.back().at("loss")).c_str());
        QCOMPARE(model::loadMambaModel(run->lastCheckpoint())->config().hiddenSize, 16);
    }
};

QTEST_APPLESS_MAIN(LlamaTrainingTest)
#include "LlamaTrainingTest.moc"
