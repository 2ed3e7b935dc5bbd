// PPO on the Llama family (train/PpoRun through model/CausalLm): prompts are put in the policy's chat
// template (or plain text), rollouts end at the template's end-of-turn or an EOS id, and the reward model
// reads each rollout where it learned to read a response (a templated row's last token, a plain row's last
// token before EOS), checked against the reward computed here from the same samples; a stopped and resumed
// run equals an uninterrupted one bit for bit; checkpoints are a LlamaForCausalLM with its template and a
// LlamaForSequenceClassification value model; a reward model in another encoding is refused.
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
#include "chat/InstructFormat.h"
#include "model/CausalLm.h"
#include "model/CausalLmGeneration.h"
#include "model/Scoring.h"
#include "train/PpoRun.h"
#include "train/ResponseEncoding.h"
#include "train/RewardRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

const std::string kChat = "tiny-llama/llama3-chat";  // tied, a Llama-3 chat template, eot 382, EOS 379 and 382

// A copy of the llama3-chat fixture whose EOS ids are also 0 … 19, so that rollouts end at different
// lengths; `chat` false drops its chat template (plain text, EOS 379 ends a response).
void writePolicy(const fs::path& dir, bool chat) {
    fs::create_directories(dir);
    const fs::path source = test::dataPath(kChat);
    for (const char* file : {"tokenizer.json", "model.safetensors"}) fs::copy_file(source / file, dir / file, fs::copy_options::overwrite_existing);
    std::vector<int> eos = {379, 382};
    for (int id = 0; id < 20; ++id) eos.push_back(id);
    auto config = nlohmann::json::parse(test::readData(kChat + "/config.json"));
    config["eos_token_id"] = eos;
    std::ofstream(dir / "config.json") << config.dump(2);
    std::ofstream(dir / "generation_config.json") << nlohmann::json{{"bos_token_id", 378}, {"eos_token_id", eos}}.dump(2);
    auto tokenizerConfig = nlohmann::json::parse(test::readData(kChat + "/tokenizer_config.json"));
    if (!chat) tokenizerConfig.erase("chat_template");
    std::ofstream(dir / "tokenizer_config.json") << tokenizerConfig.dump(2);
}

std::vector<std::string> prompts() {
    std::vector<std::string> out;
    for (int i = 0; i < 6; ++i) out.push_back("\n\nHuman: Is " + std::to_string(i) + " a number?\n\nAssistant:");
    return out;
}

// A reward model from `policy`: one step of a reward run (its head seeded, its backbone one step on).
std::string trainRewardModel(const fs::path& policy, const fs::path& runDir) {
    auto c = test::tinyRunConfig(policy.string(), 1, 2, 0);
    c.checkpointEvery = 1;
    const std::vector<data::PreferenceGroup> groups = {{"Is 0 a number?", {"Yes.", "No idea."}, {{0, 1, std::nullopt}}},
                                                       {"Is 1 a number?", {"Yes.", "Maybe."}, {{0, 1, std::nullopt}}}};
    auto run = train::RewardRun::create(runDir.string(), c, groups, {}, torch::kCPU);
    run->run(nullptr, {});
    return run->lastCheckpoint();
}

train::PpoConfig ppoConfig(const fs::path& policy, const std::string& reward, int64_t maxSteps) {
    auto c = test::tinyPpoConfig(policy.string(), reward, maxSteps, 1e-3);
    c.evalEvery = 0;
    return c;
}

struct ExpectedRollouts {
    double meanScore = 0, meanLength = 0;
    int ended = 0, otherStops = 0;  // rollouts that ended; templated ones that ended at an EOS other than 382
};

// The validation rollouts of `c` drawn here from the policy with the evaluation's seeds (rollout_batch
// prompts at a time), and the reward model's score of each at the position it learned to read: a templated
// row's last token, written as the end-of-turn id 382 whichever stop token ended it; a plain row's last
// token before EOS.
ExpectedRollouts expectedEvaluation(const train::PpoConfig& c, const std::vector<std::string>& texts) {
    auto policy = model::loadLanguageModel(c.model, torch::kCPU);
    const auto encoding = train::responseEncodingFor(c.model, *policy.tokenizer, policy.model.eosTokenId());
    const auto stopIds = encoding.format ? chat::endOfTurnIds(*encoding.format, *policy.tokenizer) : std::vector<int>{};
    std::vector<std::vector<int>> ids;
    for (const auto& t : texts) ids.push_back(encoding.prompt(*policy.tokenizer, t));
    std::vector<model::Completion> completions;
    for (size_t start = 0; start < ids.size(); start += static_cast<size_t>(c.rolloutBatch)) {
        model::SamplingOptions sampling;
        sampling.maxNewTokens = c.responseLength;
        sampling.temperature = c.temperature;
        sampling.seed = c.seed * 7919ULL + start;
        const std::vector<std::vector<int>> batch(ids.begin() + static_cast<int64_t>(start),
                                                  ids.begin() + static_cast<int64_t>(std::min(ids.size(), start + size_t(c.rolloutBatch))));
        for (auto& completion : model::generateEach(policy.model, batch, sampling, stopIds)) completions.push_back(std::move(completion));
    }
    auto reward = model::loadCausalLm(c.rewardModel, torch::kCPU);
    torch::NoGradGuard noGrad;
    ExpectedRollouts e;
    for (size_t b = 0; b < ids.size(); ++b) {
        std::vector<int64_t> row(ids[b].begin(), ids[b].end());
        row.insert(row.end(), completions[b].ids.begin(), completions[b].ids.end());
        int64_t at = static_cast<int64_t>(row.size()) - 1;
        if (completions[b].endedWithEos && encoding.format) {
            e.otherStops += row.back() != 382;
            row.back() = 382;
        }
        if (completions[b].endedWithEos && !encoding.format) --at;
        const auto hidden = reward.model.hidden(torch::tensor(row).unsqueeze(0));
        e.meanScore += model::scoresAt(hidden, reward.score, torch::tensor({at})).item<double>() / double(ids.size());
        e.meanLength += double(completions[b].ids.size()) / double(ids.size());
        e.ended += completions[b].endedWithEos;
    }
    return e;
}

}  // namespace

class LlamaPpoTest : public QObject {
    Q_OBJECT
    fs::path tmp_, chatPolicy_, plainPolicy_;
    std::string chatReward_, plainReward_;

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-llama-ppo-" + std::to_string(::getpid()));
        chatPolicy_ = tmp_ / "chat";
        plainPolicy_ = tmp_ / "plain";
        writePolicy(chatPolicy_, true);
        writePolicy(plainPolicy_, false);
        chatReward_ = trainRewardModel(chatPolicy_, tmp_ / "chat-rm");
        plainReward_ = trainRewardModel(plainPolicy_, tmp_ / "plain-rm");
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // An evaluation before any update (eval_every 1, lr 0) scores the rollouts drawn here: the same
    // samples, each read by the reward model where it learned to read a response.
    void theRewardIsReadWhereTheRewardModelLearnedIt() {
        for (const bool chat : {true, false}) {
            auto c = ppoConfig(chat ? chatPolicy_ : plainPolicy_, chat ? chatReward_ : plainReward_, 1);
            c.lr = 0;
            c.evalEvery = 1;
            c.evalPrompts = 6;
            auto run = train::PpoRun::create((tmp_ / (chat ? "eval-chat" : "eval-plain")).string(), c, prompts(), prompts(), torch::kCPU);
            std::map<std::string, double> values;
            run->run(nullptr, [&](const train::StepStats& s) { values = s.values; });
            const auto want = expectedEvaluation(c, prompts());
            QVERIFY2(want.ended >= 1 && want.ended < 6, std::to_string(want.ended).c_str());  // rows of different lengths
            QVERIFY(!chat || want.otherStops >= 1);
            QVERIFY2(std::abs(values.at("val_objective/scores") - want.meanScore) < 1e-5,
                     (std::to_string(values.at("val_objective/scores")) + " vs " + std::to_string(want.meanScore)).c_str());
            QCOMPARE(values.at("val_response_length"), want.meanLength);
            QCOMPARE(values.at("val_objective/kl"), 0.0);
        }
    }

    // Stopped at step 2 of 4 and resumed from its checkpoint, a run ends where an uninterrupted one ends.
    // The checkpoint is the policy's layout with its chat template, and value/ a LlamaForSequenceClassification.
    void aResumedRunMatchesAnUninterruptedOne() {
        const auto c = ppoConfig(chatPolicy_, chatReward_, 4);
        auto whole = train::PpoRun::create((tmp_ / "whole").string(), c, prompts(), {}, torch::kCPU);
        std::vector<double> wholeScores, partScores;
        whole->run(nullptr, [&](const train::StepStats& s) { wholeScores.push_back(s.values.at("objective/scores")); });
        std::atomic<bool> stop{false};
        auto first = train::PpoRun::create((tmp_ / "parts").string(), c, prompts(), {}, torch::kCPU);
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) {
            partScores.push_back(s.values.at("objective/scores"));
            stop = s.step == 2;
        }).stopped);
        const fs::path checkpoint = first->lastCheckpoint();
        auto second = train::PpoRun::resume((tmp_ / "parts").string(), torch::kCPU);
        second->run(nullptr, [&](const train::StepStats& s) { partScores.push_back(s.values.at("objective/scores")); });
        QCOMPARE(partScores, wholeScores);
        QCOMPARE(test::flatValues(second->policy().module().parameters()), test::flatValues(whole->policy().module().parameters()));
        QVERIFY(test::flatValues(whole->policy().module().parameters()) !=
                test::flatValues(model::loadLanguageModel(chatPolicy_.string(), torch::kCPU).model.module().parameters()));
        const auto policyConfig = nlohmann::json::parse(std::ifstream(checkpoint / "config.json"));
        QCOMPARE(policyConfig.at("architectures"), nlohmann::json({"LlamaForCausalLM"}));
        QVERIFY(nlohmann::json::parse(std::ifstream(checkpoint / "tokenizer_config.json")).contains("chat_template"));
        const auto valueConfig = nlohmann::json::parse(std::ifstream(checkpoint / "value" / "config.json"));
        QCOMPARE(valueConfig.at("architectures"), nlohmann::json({"LlamaForSequenceClassification"}));
        QVERIFY(valueConfig.at("pad_token_id").get<int>() != 382);
        QVERIFY(model::loadCausalLm((checkpoint / "value").string(), torch::kCPU).score.defined());
    }

    // A reward model must read the policy's rows: one trained in plain text does not score a templated
    // policy, and a language model is no reward model.
    void aRewardModelInAnotherEncodingIsRefused() {
        try {
            train::PpoRun::create((tmp_ / "mixed").string(), ppoConfig(chatPolicy_, plainReward_, 1), prompts(), {}, torch::kCPU);
            QFAIL("a plain-text reward model was taken for a templated policy");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("the reward model reads plain text ending with id 379, the policy writes the llama-3 chat "
                                                "template ending with id 382") != std::string::npos, e.what());
        }
        try {
            train::PpoRun::create((tmp_ / "lm").string(), ppoConfig(chatPolicy_, chatPolicy_.string(), 1), prompts(), {}, torch::kCPU);
            QFAIL("a language model was taken as the reward model");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("not a reward model") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(LlamaPpoTest)
#include "LlamaPpoTest.moc"
