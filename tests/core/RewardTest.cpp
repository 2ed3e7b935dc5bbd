// Reward-model training (architecture §5): preference groups from comparisons and rankings, the loss of a step
// against −log σ(r_better − r_worse − margin) from `rlhf reward`'s scores (a group's pairs weighing as one
// element), learning to rank, a resumed run equal to an uninterrupted one, and checkpoints that load as
// GPT2ForSequenceClassification reward models.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "TensorCompare.h"
#include "TestData.h"
#include "TestPrinters.h"
#include "data/PreferenceGroups.h"
#include "data/ProjectStore.h"
#include "model/HfCheckpoint.h"
#include "model/Scoring.h"
#include "train/RewardRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

std::vector<data::PreferenceGroup> groups() {
    std::vector<data::PreferenceGroup> out;
    for (int i = 0; i < 5; ++i)
        out.push_back({"Is " + std::to_string(i) + " a number?", {" Yes, it is.", " No idea, go away."}, {{0, 1, std::nullopt}}});
    // A ranking of three with a tie below the best (two pairs), and a comparison with a margin.
    out.push_back({"Name a colour.", {" Blue.", " Go away.", " Never."}, {{0, 1, std::nullopt}, {0, 2, std::nullopt}}});
    out.push_back({"Is 9 a number?", {" Yes, it is.", " No."}, {{0, 1, 1.5}}});
    return out;
}

}  // namespace

class RewardTest : public QObject {
    Q_OBJECT
    fs::path tmp_, base_;

    train::FineTuneConfig config(int64_t maxSteps) const {
        auto c = train::FineTuneConfig::rewardDefaults();
        c.model = base_.string();
        c.batchSize = 3;
        c.maxSteps = maxSteps;
        c.lr = 1e-3;
        c.evalEvery = 2;
        c.precision = "fp32";
        return c;
    }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-reward-" + std::to_string(::getpid()));
        base_ = tmp_ / "base";
        fs::create_directories(base_);
        for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(test::dataPath(f), base_ / fs::path(f).filename());
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void rankingsAndComparisonsGroup() {
        auto store = data::ProjectStore::open((tmp_ / "ranked.rlhf").string(), true);
        auto& db = store->database();
        db.exec("INSERT INTO prompts(id, text, hash, source, split, created_at) VALUES (1, 'P', 1, 'manual', 'train', 0);"
                "INSERT INTO responses(id, prompt_id, text, hash, origin, created_at) VALUES (1, 1, 'a', 1, 'model', 0), "
                "(2, 1, 'b', 2, 'model', 0), (3, 1, 'c', 3, 'model', 0), (4, 1, 'd', 4, 'model', 0);"
                "INSERT INTO labellers(id, name, created_at) VALUES (1, 'x', 0);"
                "INSERT INTO rankings(id, prompt_id, labeller_id, created_at) VALUES (1, 1, 1, 0), (2, 1, 1, 0);"
                "INSERT INTO ranking_items(ranking_id, response_id, rank, shown_position) VALUES "
                "(1, 1, 3, 0), (1, 2, 1, 1), (1, 3, 2, 2), (1, 4, 2, 3), (2, 1, 1, 0), (2, 2, 1, 1);"
                "INSERT INTO rankings(id, prompt_id, labeller_id, all_bad, created_at) VALUES (3, 1, 1, 1, 0);"
                "INSERT INTO ranking_items(ranking_id, response_id, rank, shown_position) VALUES (3, 1, 1, 0), (3, 2, 2, 1);"
                "INSERT INTO comparisons(prompt_id, chosen_id, rejected_id, margin) VALUES (1, 3, 1, 2.5);");
        const auto got = data::readPreferenceGroups(db, "");
        QCOMPARE(got.size(), size_t(2));  // the comparison, the ranking of four; the all-tied and the all-bad give none
        QCOMPARE(got[0].responses, (std::vector<std::string>{"c", "a"}));
        QCOMPARE(*got[0].pairs.at(0).margin, 2.5);
        QCOMPARE(got[1].responses, (std::vector<std::string>{"b", "c", "d", "a"}));
        QCOMPARE(got[1].pairs.size(), size_t(5));  // b>c, b>d, b>a, c>a, d>a (c and d tie)
        QVERIFY(data::readPreferenceGroups(db, "validation").empty());
    }

    // With lr 0 the head and backbone stay as initialised: step 1's loss is the mean over the three groups
    // of each group's pair-mean −log σ(Δ − margin), Δ from rlhf reward's scores of the responses.
    void stepLossWeighsEachGroupAsOneElement() {
        auto c = config(1);
        c.lr = 0;
        c.evalEvery = 0;
        const auto all = groups();
        const std::vector<data::PreferenceGroup> three = {all[0], all[5], all[6]};
        auto run = train::RewardRun::create((tmp_ / "loss").string(), c, three, {}, torch::kCPU);
        train::StepStats first;
        run->run(nullptr, [&](const train::StepStats& s) { first = s; });
        auto loaded = model::loadCheckpoint(base_.string());
        auto reward = [&](const data::PreferenceGroup& g, size_t i) {
            return model::rewardOf(loaded.model, run->score(), loaded.tokenizer->encode(g.prompt), loaded.tokenizer->encode(g.responses[i]))[0];
        };
        double want = 0;
        for (const auto& g : three) {
            double groupLoss = 0;
            for (const auto& p : g.pairs)
                groupLoss += std::log1p(std::exp(-(reward(g, p.better) - reward(g, p.worse) - p.margin.value_or(0))));
            want += groupLoss / static_cast<double>(g.pairs.size()) / 3.0;
        }
        QVERIFY2(std::abs(first.values.at("loss") - want) < 1e-5, (std::to_string(first.values.at("loss")) + " vs " + std::to_string(want)).c_str());
        QVERIFY(std::abs(reward(three[0], 0) - reward(three[0], 1)) > 1e-4);  // a seeded head that scores something
    }

    void learnsToRankAndSavesARewardModel() {
        auto run = train::RewardRun::create((tmp_ / "learns").string(), config(16), groups(), {groups()[2], groups()[6]}, torch::kCPU);
        train::StepStats last;
        run->run(nullptr, [&](const train::StepStats& s) { last = s; });
        QCOMPARE(last.values.at("val_accuracy"), 1.0);
        QVERIFY(last.values.at("val_margin") > 0.5);
        auto saved = model::loadCheckpoint(run->lastCheckpoint());
        QVERIFY(saved.score.defined());
        QCOMPARE(test::flatValues({saved.score}), test::flatValues({run->score()}));
        const auto g = groups()[0];
        const double chosen = model::rewardOf(saved.model, saved.score, saved.tokenizer->encode(g.prompt), saved.tokenizer->encode(g.responses[0]))[0];
        const double rejected = model::rewardOf(saved.model, saved.score, saved.tokenizer->encode(g.prompt), saved.tokenizer->encode(g.responses[1]))[0];
        QVERIFY(chosen > rejected + 0.5);
        torch::NoGradGuard noGrad;
        const auto inRun = run->rewards(run->trainGroups(), {0});
        QVERIFY(std::abs(inRun[0].item<double>() - chosen) < 1e-4);
        // The last evaluation's pairs, for the workbench: texts and both rewards, as the saved model scores them.
        std::ifstream evaluation(tmp_ / "learns" / "evaluation.jsonl");
        std::vector<nlohmann::json> pairs;
        for (std::string line; std::getline(evaluation, line);) pairs.push_back(nlohmann::json::parse(line));
        QCOMPARE(pairs.size(), size_t(2));
        QCOMPARE(pairs[1]["step"].get<int>(), 16);
        QCOMPARE(pairs[1]["prompt"].get<std::string>(), std::string("Is 9 a number?"));
        QCOMPARE(pairs[1]["rejected"].get<std::string>(), std::string(" No."));
        double margin = 0;
        for (const auto& p : pairs) margin += (p["chosen_reward"].get<double>() - p["rejected_reward"].get<double>()) / 2;
        QVERIFY(std::abs(margin - last.values.at("val_margin")) < 1e-6);
        const double saved9 = model::rewardOf(saved.model, saved.score, saved.tokenizer->encode("Is 9 a number?"), saved.tokenizer->encode(" No."))[0];
        QVERIFY(std::abs(pairs[1]["rejected_reward"].get<double>() - saved9) < 1e-4);
    }

    void resumedRunMatchesAnUninterruptedOne() {
        auto whole = train::RewardRun::create((tmp_ / "whole").string(), config(5), groups(), {groups()[1]}, torch::kCPU);
        whole->run(nullptr, {});
        std::atomic<bool> stop{false};
        auto first = train::RewardRun::create((tmp_ / "parts").string(), config(5), groups(), {groups()[1]}, torch::kCPU);
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) { stop = s.step == 2; }).stopped);
        auto second = train::RewardRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->run(nullptr, {}).lastStep, int64_t(5));
        QCOMPARE(test::flatValues(second->model().module().parameters()), test::flatValues(whole->model().module().parameters()));
        QCOMPARE(test::flatValues({second->score()}), test::flatValues({whole->score()}));
    }
};

QTEST_APPLESS_MAIN(RewardTest)
#include "RewardTest.moc"
