// Reward models on the Llama family (train/RewardRun, train/RewardScorer through model/CausalLm): a
// *ForSequenceClassification directory loads and its reward is the score head on the last token's final
// hidden state (checked against the language model's own logits, whose parity with the reference is
// tested elsewhere), a response is read in the model's chat template, a run learns to rank and saves
// the transformers layout (score.weight, no lm_head, architectures/id2label/pad_token_id), a resumed run
// matches an uninterrupted one bit for bit, and a Mamba and a classifier in the wrong stage are refused.
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
#include "model/LlamaModule.h"
#include "model/Safetensors.h"
#include "model/Scoring.h"
#include "train/RewardRun.h"
#include "train/RewardScorer.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return test::dataPath(name); }
const std::string kChat = "tiny-llama/llama3-chat";  // tied, a Llama-3 chat template, eot 382

// A copy of the llama3-chat fixture with its config edited by `edit` and its tensors `tensors`.
void writeVariant(const fs::path& dir, const std::function<void(nlohmann::json&)>& edit, const std::map<std::string, torch::Tensor>& tensors) {
    fs::create_directories(dir);
    for (const char* file : {"tokenizer.json", "tokenizer_config.json", "generation_config.json"})
        fs::copy_file(fixture(kChat + "/" + file), dir / file, fs::copy_options::overwrite_existing);
    auto config = nlohmann::json::parse(test::readData(kChat + "/config.json"));
    edit(config);
    std::ofstream(dir / "config.json") << config.dump(2);
    model::saveSafetensors((dir / "model.safetensors").string(), tensors, {{"format", "pt"}});
}

std::map<std::string, torch::Tensor> chatTensors() {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : model::loadLlamaModule(fixture(kChat), torch::kCPU)->named_parameters()) out[p.key()] = p.value().detach().clone();
    return out;
}

std::vector<data::PreferenceGroup> groups() {
    std::vector<data::PreferenceGroup> out;
    for (int i = 0; i < 4; ++i)
        out.push_back({"Is " + std::to_string(i) + " a number?", {"Yes, it is.", "No idea.", "Maybe."}, {{0, 1, std::nullopt}, {0, 2, std::nullopt}}});
    return out;
}

train::FineTuneConfig rmConfig(const std::string& model, int64_t maxSteps) { return test::tinyRunConfig(model, maxSteps, 2, 0); }

std::vector<double> losses(train::RewardRun& run) {
    std::vector<double> out;
    run.run(nullptr, [&](const train::StepStats& s) { out.push_back(s.values.at("loss")); });
    return out;
}

}  // namespace

class LlamaRewardTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-llama-reward-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // A LlamaForSequenceClassification whose score row is the embedding row of token 17 rewards a
    // response with the language model's logit of token 17 at the last position: the templated exchange
    // ended by <|eot_id|>.
    void aClassifierReadsTheLastHiddenState() {
        auto tensors = chatTensors();
        tensors["score.weight"] = tensors.at("model.embed_tokens.weight").slice(0, 17, 18).clone();
        const fs::path dir = tmp_ / "classifier";
        writeVariant(dir, [](nlohmann::json& c) {
            c["architectures"] = {"LlamaForSequenceClassification"};
            c["id2label"] = {{"0", "LABEL_0"}};
        }, tensors);
        train::RewardScorer scorer(dir.string(), torch::kCPU);
        QVERIFY(scorer.encoding().format.has_value());
        const auto ids = scorer.encoding().scored(scorer.tokenizer(), "2+2?", "4");
        QCOMPARE(ids.back(), 382);
        auto lm = model::loadLlamaModule(fixture(kChat), torch::kCPU);
        torch::NoGradGuard noGrad;
        const auto logits = lm->model().forward(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end())).unsqueeze(0));
        const double want = logits[0][static_cast<int64_t>(ids.size()) - 1][17].item<double>();
        const auto got = scorer.values("2+2?", "4");
        QCOMPARE(got.size(), size_t(1));
        QVERIFY2(std::abs(got[0] - want) < 1e-5, (std::to_string(got[0]) + " vs " + std::to_string(want)).c_str());
        // With pad_token_id the end-of-turn id (TRL pads with EOS), transformers reads the last token that is
        // not padding: the response's, one before <|eot_id|> — not the one before the user turn's
        // <|eot_id|> (older transformers' first pad − 1).
        writeVariant(dir, [](nlohmann::json& c) {
            c["architectures"] = {"LlamaForSequenceClassification"};
            c["id2label"] = {{"0", "LABEL_0"}};
            c["pad_token_id"] = 382;
        }, tensors);
        const double early = logits[0][static_cast<int64_t>(ids.size()) - 2][17].item<double>();
        QVERIFY(std::abs(early - want) > 1e-3);
        const double padded = train::RewardScorer(dir.string(), torch::kCPU).values("2+2?", "4").at(0);
        QVERIFY2(std::abs(padded - early) < 1e-5, (std::to_string(padded) + " vs " + std::to_string(early)).c_str());
        // Two labels (id2label's size), and a classifier has no language-model head to fine-tune.
        tensors["score.weight"] = tensors.at("model.embed_tokens.weight").slice(0, 17, 19).clone();
        writeVariant(dir, [](nlohmann::json& c) {
            c["architectures"] = {"LlamaForSequenceClassification"};
            c["id2label"] = {{"0", "bad"}, {"1", "good"}};
        }, tensors);
        QCOMPARE(train::RewardScorer(dir.string(), torch::kCPU).values("2+2?", "4").size(), size_t(2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model::loadLanguageModel(dir.string(), torch::kCPU));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model::loadLlamaModel(dir.string()));  // generation, chat
    }

    // Each row's last token that is not the pad id, up to its last real position; none: position 0.
    void theScoreIsReadAtTheLastTokenThatIsNotPadding() {
        const auto ids = torch::tensor({5, 6, 9, 9, 5, 9, 6, 9, 9, 9, 9, 9}, torch::kLong).view({3, 4});
        const auto last = torch::tensor({3, 2, 3}, torch::kLong);
        QVERIFY(torch::equal(model::lastNotPadding(ids, last, 9), torch::tensor({1, 2, 0}, torch::kLong)));
        QVERIFY(torch::equal(model::lastNotPadding(ids, last, -1), last));
        QVERIFY(torch::equal(model::lastNotPadding(ids, last, 7), last));
    }

    // Each response is read as the template's exchange: user turn, assistant header, response, <|eot_id|>.
    void groupsAreReadInTheChatTemplate() {
        auto run = train::RewardRun::create((tmp_ / "rows").string(), rmConfig(fixture(kChat), 1), groups(), {}, torch::kCPU);
        const auto tokenizer = text::Tokenizer::fromDirectory(fixture(kChat));
        std::vector<int> want = tokenizer.encode("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nIs 0 a number?<|eot_id|>"
                                                 "<|start_header_id|>assistant<|end_header_id|>\n\nNo idea.");
        want.push_back(382);
        QCOMPARE(run->trainGroups().groups.at(0).rows.at(1), want);
        QCOMPARE(run->encoding().describe(), std::string("the llama-3 chat template"));
    }

    // Trained on an untied Llama, the run ranks every pair right, and its checkpoint is transformers'
    // LlamaForSequenceClassification: score.weight [1,C], no lm_head.weight, the config saying so, the
    // chat template kept; read back by RewardScorer it gives the run's rewards.
    void learnsToRankAndSavesAClassifier() {
        const fs::path untied = tmp_ / "untied";
        auto tensors = chatTensors();
        torch::manual_seed(3);
        tensors["lm_head.weight"] = torch::randn_like(tensors.at("model.embed_tokens.weight")) * 0.02;
        writeVariant(untied, [](nlohmann::json& c) { c["tie_word_embeddings"] = false; }, tensors);
        auto config = rmConfig(untied.string(), 24);
        config.checkpointEvery = 24;
        auto run = train::RewardRun::create((tmp_ / "learns").string(), config, groups(), {}, torch::kCPU);
        train::StepStats last;
        run->run(nullptr, [&](const train::StepStats& s) { last = s; });
        QCOMPARE(last.values.at("accuracy"), 1.0);
        const fs::path saved = run->lastCheckpoint();
        const model::SafetensorsFile stored((saved / "model.safetensors").string());
        QVERIFY(!stored.contains("lm_head.weight"));
        QCOMPARE(stored.tensors().at("score.weight").shape, (std::vector<int64_t>{1, 16}));
        const auto written = nlohmann::json::parse(std::ifstream(saved / "config.json"));
        QCOMPARE(written.at("architectures"), nlohmann::json({"LlamaForSequenceClassification"}));
        QCOMPARE(written.at("id2label"), nlohmann::json({{"0", "LABEL_0"}}));
        QCOMPARE(written.at("label2id"), nlohmann::json({{"LABEL_0", 0}}));
        QCOMPARE(written.at("pad_token_id").get<int>(), 379);
        QVERIFY(nlohmann::json::parse(std::ifstream(saved / "tokenizer_config.json")).contains("chat_template"));
        train::RewardScorer scorer(saved.string(), torch::kCPU);
        torch::NoGradGuard noGrad;
        const auto inRun = run->rewards(run->trainGroups(), {2});
        for (int64_t i = 0; i < 3; ++i) {
            const double read = scorer.values(groups()[2].prompt, groups()[2].responses[static_cast<size_t>(i)]).at(0);
            QVERIFY(std::abs(read - inRun[i].item<double>()) < 1e-5);
        }
        QVERIFY(scorer.values("Is 7 a number?", "Yes, it is.").at(0) > scorer.values("Is 7 a number?", "No idea.").at(0) + 0.5);
    }

    // Stopped after 3 of 6 steps and resumed from its classifier checkpoint, a run ends where an
    // uninterrupted one ends: the same parameters, head and losses.
    void aResumedRunMatchesAnUninterruptedOne() {
        auto whole = train::RewardRun::create((tmp_ / "whole").string(), rmConfig(fixture(kChat), 6), groups(), {}, torch::kCPU);
        const auto wholeLosses = losses(*whole);
        std::atomic<bool> stop{false};
        auto first = train::RewardRun::create((tmp_ / "parts").string(), rmConfig(fixture(kChat), 6), groups(), {}, torch::kCPU);
        std::vector<double> partLosses;
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) {
            partLosses.push_back(s.values.at("loss"));
            stop = s.step == 3;
        }).stopped);
        auto second = train::RewardRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->step(), int64_t(3));
        const auto rest = losses(*second);
        partLosses.insert(partLosses.end(), rest.begin(), rest.end());
        QCOMPARE(partLosses, wholeLosses);
        QCOMPARE(test::flatValues(second->model().module().parameters()), test::flatValues(whole->model().module().parameters()));
        QCOMPARE(test::flatValues({second->score()}), test::flatValues({whole->score()}));
    }

    // When the config's EOS (and pad) is the end-of-turn token every scored row ends with, the saved
    // pad_token_id is another id (the BOS here): transformers reads a reward at the last token that is
    // not padding, which must be that end-of-turn token.
    void thePadIdIsNeverTheScoredEnd() {
        const fs::path instruct = tmp_ / "eos-is-eot";
        writeVariant(instruct, [](nlohmann::json& c) {
            c["eos_token_id"] = 382;
            c["pad_token_id"] = 382;
        }, chatTensors());
        std::ofstream(instruct / "generation_config.json") << R"({"eos_token_id": 382})";
        auto config = rmConfig(instruct.string(), 1);
        config.checkpointEvery = 1;
        auto run = train::RewardRun::create((tmp_ / "pad").string(), config, groups(), {}, torch::kCPU);
        QCOMPARE(run->encoding().endId, 382);
        run->run(nullptr, {});
        const auto written = nlohmann::json::parse(std::ifstream(fs::path(run->lastCheckpoint()) / "config.json"));
        QCOMPARE(written.at("pad_token_id").get<int>(), 378);
    }

    // A template the format cannot render the dialogue in (Llama-2: user and assistant alternate) and a
    // dialogue without a user turn are one user turn as they are.
    void anUnrenderableDialogueIsOneUserTurn() {
        const auto tokenizer = text::Tokenizer::fromDirectory(fixture(kChat));
        train::ResponseEncoding encoding{chat::InstructFormat{chat::InstructKind::Llama2, "", "<s>", "</s>"}, 379};
        const std::string twoHumans = "\n\nHuman: Hi\n\nHuman: again\n\nAssistant:";
        QCOMPARE(encoding.prompt(tokenizer, twoHumans), tokenizer.encode(encoding.format->render({{"user", twoHumans}}, true)));
        const std::string systemOnly = "\n\nSystem: Be brief.\n\nAssistant:";
        QCOMPARE(encoding.prompt(tokenizer, systemOnly), tokenizer.encode(encoding.format->render({{"user", systemOnly}}, true)));
        const std::string alternating = "\n\nHuman: Hi\n\nAssistant: Hello.\n\nHuman: 2+2?\n\nAssistant:";
        QCOMPARE(encoding.prompt(tokenizer, alternating),
                 tokenizer.encode(encoding.format->render({{"user", "Hi"}, {"assistant", "Hello."}, {"user", "2+2?"}}, true)));
    }

    // A Mamba has no classification layout to save a reward model in: refused before the run exists.
    void aMambaIsRefused() {
        try {
            train::RewardRun::create((tmp_ / "mamba").string(), rmConfig(test::dataPath("tiny-mamba/mamba"), 1), groups(), {}, torch::kCPU);
            QFAIL("a Mamba reward model was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("Mamba") != std::string::npos, e.what());
        }
        QVERIFY(!fs::exists(tmp_ / "mamba" / "config.json"));
    }
};

QTEST_APPLESS_MAIN(LlamaRewardTest)
#include "LlamaRewardTest.moc"
