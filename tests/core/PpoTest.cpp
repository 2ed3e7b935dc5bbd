// PPO training (architecture §5 PPO): at step 1 the policy is its reference (KL 0, ratio 1); samples are kept;
// a stopped and resumed run equals an uninterrupted one; checkpoints hold the policy and the value model;
// settings and models that do not fit are refused with the reason.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "TensorCompare.h"
#include "TestData.h"
#include "TestPrinters.h"
#include "TinyRunConfig.h"
#include "model/HfCheckpoint.h"
#include "train/PpoRun.h"
#include "train/RewardRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> prompts() {
    std::vector<std::string> out;
    for (int i = 0; i < 6; ++i) out.push_back("Human: is " + std::to_string(i) + " a number?\n\nAssistant:");
    return out;
}

}  // namespace

class PpoTest : public QObject {
    Q_OBJECT
    fs::path tmp_, base_, reward_;

    train::PpoConfig config(int64_t maxSteps) const { return test::tinyPpoConfig(base_.string(), reward_.string(), maxSteps, 1e-4); }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-ppo-" + std::to_string(::getpid()));
        base_ = tmp_ / "base";
        fs::create_directories(base_);
        for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(test::dataPath(f), base_ / fs::path(f).filename());
        // A reward model: the base with a seeded head, one step of a reward run.
        auto c = train::FineTuneConfig::rewardDefaults();
        c.model = base_.string();
        c.maxSteps = 1;
        c.precision = "fp32";
        auto rm = train::RewardRun::create((tmp_ / "rm").string(), c, {{"Q", {" yes", " no"}, {{0, 1, std::nullopt}}}}, {}, torch::kCPU);
        rm->run(nullptr, {});
        reward_ = rm->lastCheckpoint();
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // Validation prompts are rolled out every eval_every steps with one seed: a policy that does not change
    // (lr 0) scores the same at every evaluation, with KL 0 to its reference.
    void evaluatesValidationPromptsWithOneSeed() {
        auto c = config(4);
        c.lr = 0;
        c.evalEvery = 2;
        c.evalPrompts = 3;
        auto run = train::PpoRun::create((tmp_ / "eval").string(), c, prompts(), {prompts()[0], prompts()[3], prompts()[5], prompts()[1]},
                                         torch::kCPU);
        std::vector<train::StepStats> steps;
        run->run(nullptr, [&](const train::StepStats& s) { steps.push_back(s); });
        QCOMPARE(steps.size(), size_t(4));
        QVERIFY(!steps[0].values.count("val_objective/scores"));
        const auto& second = steps[1].values;
        const auto& fourth = steps[3].values;
        QCOMPARE(second.at("val_objective/kl"), 0.0);
        QCOMPARE(fourth.at("val_objective/scores"), second.at("val_objective/scores"));
        QCOMPARE(fourth.at("val_response_length"), second.at("val_response_length"));
        QVERIFY(second.at("val_response_length") >= 1 && second.at("val_response_length") <= 6);
        QCOMPARE(steps[0].values.at("policy/skipped_batches"), 0.0);  // the ratio is 1 when nothing changes
    }

    // A mini-batch whose mean ratio passes ratio_threshold is not applied, and counted; PPO-ptx adds the
    // pretraining text's log-likelihood (its loss is that text's mean negative log-likelihood, ~ln V for
    // an untrained tiny model) and needs RUN/ptx.txt.
    void skipsRatioSpikesAndMixesPretraining() {
        auto c = config(2);
        c.lr = 1e-2;
        c.ppoEpochs = 4;
        c.ratioThreshold = 1.0;
        c.ptxCoef = 0.5;
        c.ptxBatch = 2;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, train::PpoRun::create((tmp_ / "noptx").string(), c, prompts(), {}, torch::kCPU));
        fs::create_directories(tmp_ / "ptx");
        std::ofstream(tmp_ / "ptx" / "ptx.txt") << std::string(3000, 'a') + " The quick brown fox jumps over the lazy dog. ";
        auto run = train::PpoRun::create((tmp_ / "ptx").string(), c, prompts(), {}, torch::kCPU);
        double skipped = 0, ptx = 0;
        run->run(nullptr, [&](const train::StepStats& s) {
            skipped += s.values.at("policy/skipped_batches");
            if (s.values.count("loss/ptx_avg")) ptx = s.values.at("loss/ptx_avg");
        });
        QVERIFY2(skipped >= 1 && skipped < 16, std::to_string(skipped).c_str());  // 2 steps × 4 epochs × 2 mini-batches
        QVERIFY2(ptx > 1 && ptx < 20, std::to_string(ptx).c_str());
    }

    void firstStepRollsOutFromTheReference() {
        auto run = train::PpoRun::create((tmp_ / "first").string(), config(1), prompts(), {}, torch::kCPU);
        train::StepStats first;
        run->run(nullptr, [&](const train::StepStats& s) { first = s; });
        QCOMPARE(first.values.at("objective/kl"), 0.0);
        QCOMPARE(first.values.at("objective/non_score_reward"), 0.0);
        QCOMPARE(first.values.at("objective/rlhf_reward"), first.values.at("objective/scores"));
        QVERIFY(std::abs(first.values.at("val/ratio") - 1.0) < 0.05);
        QVERIFY(first.values.at("objective/entropy") > 0);
        QCOMPARE(first.values.at("beta"), 0.05);
        // Where the step's time went: generation, scoring and the update, parts of the whole step.
        const double parts = first.values.at("time/generation_s") + first.values.at("time/scoring_s") + first.values.at("time/update_s");
        for (const char* part : {"time/generation_s", "time/scoring_s", "time/update_s"}) QVERIFY(first.values.at(part) > 0);
        QVERIFY(parts <= first.values.at("time/step_s"));
        std::ifstream samples(tmp_ / "first" / "samples.jsonl");
        int lines = 0;
        for (std::string line; std::getline(samples, line); ++lines) QVERIFY(nlohmann::json::parse(line).contains("response"));
        QCOMPARE(lines, 2);
        auto value = model::loadCheckpoint(run->lastCheckpoint() + "/value");
        QVERIFY(value.score.defined());
        QVERIFY(!model::loadCheckpoint(run->lastCheckpoint()).score.defined());  // the policy is a language model
    }

    void resumedRunMatchesAnUninterruptedOne() {
        auto c = config(4);
        c.klTarget = 1.0;  // adaptive β: its value must survive the resume too
        auto whole = train::PpoRun::create((tmp_ / "whole").string(), c, prompts(), {}, torch::kCPU);
        whole->run(nullptr, {});
        std::atomic<bool> stop{false};
        auto first = train::PpoRun::create((tmp_ / "parts").string(), c, prompts(), {}, torch::kCPU);
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) { stop = s.step == 2; }).stopped);
        std::ofstream(tmp_ / "parts" / "samples.jsonl", std::ios::app) << "{\"step\": 3, \"response\": \"a crash's\"}\n";
        auto second = train::PpoRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->run(nullptr, {}).lastStep, int64_t(4));
        QCOMPARE(test::flatValues(second->policy().module().parameters()), test::flatValues(whole->policy().module().parameters()));
        QCOMPARE(second->beta(), whole->beta());
        QVERIFY(whole->beta() != 0.05);
        auto samples = [](const fs::path& run) {
            std::ifstream in(run / "samples.jsonl");
            std::vector<std::string> lines;
            for (std::string line; std::getline(in, line);) lines.push_back(line);
            return lines;
        };
        QCOMPARE(samples(tmp_ / "parts"), samples(tmp_ / "whole"));  // a step after the checkpoint logged before a crash goes
        QCOMPARE(samples(tmp_ / "whole").size(), size_t(8));
    }

    void badSettingsAndModelsAreRefused() {
        auto errorOf = [](const nlohmann::json& j) {
            try {
                train::PpoConfig::fromJson(j, "--set");
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
            return std::string();
        };
        QCOMPARE(errorOf({{"model", "m"}}), std::string("--set: reward_model: no reward model given (--set reward_model=DIR)"));
        QVERIFY(errorOf({{"model", "m"}, {"reward_model", "r"}, {"rollout_batch", 6}, {"mini_batch", 4}}).find("not a multiple") != std::string::npos);
        auto notReward = config(1);
        notReward.rewardModel = base_.string();
        try {
            train::PpoRun::create((tmp_ / "bad").string(), notReward, prompts(), {}, torch::kCPU);
            QFAIL("a language model was taken as the reward model");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("not a reward model") != std::string::npos, e.what());
        }
        auto tooLong = config(1);
        tooLong.responseLength = 64;  // the tiny model's whole context
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, train::PpoRun::create((tmp_ / "long").string(), tooLong, prompts(), {}, torch::kCPU));
    }
};

QTEST_APPLESS_MAIN(PpoTest)
#include "PpoTest.moc"
