// DPO training (architecture §5 DPO): summed response log-probs against the transformers fixture, the first
// step where policy = reference (sigmoid loss ln 2, IPO (1/2β)^2, rewards 0), learning to prefer the
// chosen response, a resumed run equal to an uninterrupted one, the pairs rankings imply, settings errors.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "TensorCompare.h"
#include "TestData.h"
#include "TestPrinters.h"
#include "data/PreferencePairs.h"
#include "data/ProjectStore.h"
#include "model/HfCheckpoint.h"
#include "train/DpoRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

std::vector<data::PreferencePair> pairs() {
    std::vector<data::PreferencePair> out;
    for (int i = 0; i < 6; ++i)
        out.push_back({"Human: is " + std::to_string(i) + " a number?\n\nAssistant:", " Yes, it is.", " No idea, go away.", std::nullopt});
    return out;
}

}  // namespace

class DpoTest : public QObject {
    Q_OBJECT
    fs::path tmp_, base_;

    train::DpoConfig config(int64_t maxSteps) const {
        train::DpoConfig c;
        c.model = base_.string();
        c.batchSize = 2;
        c.maxSteps = maxSteps;
        c.lr = 1e-3;
        c.evalEvery = 2;
        c.precision = "fp32";
        return c;
    }

    train::StepStats firstStep(train::DpoConfig c, const std::string& name) {
        c.evalEvery = 0;
        auto run = train::DpoRun::create((tmp_ / name).string(), c, pairs(), {}, torch::kCPU);
        train::StepStats first;
        run->run(nullptr, [&](const train::StepStats& s) { if (s.step == 1) first = s; });
        return first;
    }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-dpo-" + std::to_string(::getpid()));
        base_ = tmp_ / "base";
        fs::create_directories(base_);
        for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(test::dataPath(f), base_ / fs::path(f).filename());
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    // The fixture's prompt with its chosen and its rejected response (no EOS, as transformers scored them),
    // in one padded batch: each row's sum is the fixture's, for the policy and for the reference model.
    void responseSumsMatchTransformers() {
        const auto expected = nlohmann::json::parse(test::readData("tiny-gpt2/expected.json")).at("dpo");
        const auto prompt = expected.at("prompt").get<std::vector<int>>();
        auto rowOf = [&](const char* key) {
            train::ResponseRow row{prompt, static_cast<int64_t>(prompt.size())};
            for (int id : expected.at(key).get<std::vector<int>>()) row.ids.push_back(id);
            return row;
        };
        const std::vector<train::ResponseRow> rows = {rowOf("chosen"), rowOf("rejected")};
        const auto batch = train::makeResponseBatch(rows, {0, 1}, 50256);
        for (auto [dir, prefix] : {std::pair{"policy", "policy"}, std::pair{"reference", "ref"}}) {
            auto loaded = model::loadCheckpoint(test::dataPath(std::string("tiny-gpt2/") + dir), torch::kCPU, false);
            torch::NoGradGuard noGrad;
            model::CausalLm lm(loaded.model);
            const auto sums = train::responseLogProbSums(lm, batch.input, batch.target);
            const double chosen = expected.at(std::string(prefix) + "_logp_chosen").get<double>();
            const double rejected = expected.at(std::string(prefix) + "_logp_rejected").get<double>();
            QVERIFY2(std::abs(sums[0].item<double>() - chosen) < 1e-4, (std::to_string(sums[0].item<double>()) + " vs " + std::to_string(chosen)).c_str());
            QVERIFY2(std::abs(sums[1].item<double>() - rejected) < 1e-4, (std::to_string(sums[1].item<double>()) + " vs " + std::to_string(rejected)).c_str());
        }
    }

    // Step 1's loss is computed before its update, with the policy still the reference.
    void firstStepHasThePolicyAsItsReference() {
        const auto sigmoid = firstStep(config(1), "first-sigmoid");
        QVERIFY(std::abs(sigmoid.values.at("loss") - std::log(2.0)) < 1e-6);
        QVERIFY(std::abs(sigmoid.values.at("rewards/margins")) < 1e-6);
        QVERIFY(std::abs(sigmoid.values.at("rewards/chosen")) < 1e-6);
        QVERIFY(sigmoid.values.at("logps/chosen") < sigmoid.values.at("logps/rejected") + 100);  // present and finite
        auto c = config(1);
        c.lossType = "ipo";
        c.beta = 0.1;
        QVERIFY(std::abs(firstStep(c, "first-ipo").values.at("loss") - 25.0) < 1e-4);  // (0 - 1/(2*0.1))^2
    }

    void trainingPrefersTheChosenResponse() {
        auto run = train::DpoRun::create((tmp_ / "learns").string(), config(12), pairs(), {pairs()[0], pairs()[1]}, torch::kCPU);
        train::StepStats last;
        run->run(nullptr, [&](const train::StepStats& s) { last = s; });
        QCOMPARE(last.values.at("val_rewards/accuracies"), 1.0);
        QVERIFY(last.values.at("val_rewards/margins") > 0.1);
        QVERIFY(last.values.at("val_loss") < std::log(2.0) - 0.05);
    }

    void resumedRunMatchesAnUninterruptedOne() {
        const auto validation = std::vector<data::PreferencePair>{pairs()[2]};
        auto d = pairs();
        d.resize(5);  // two pairs a micro-batch: epochs end inside batches
        auto whole = train::DpoRun::create((tmp_ / "whole").string(), config(5), d, validation, torch::kCPU);
        whole->run(nullptr, {});
        std::atomic<bool> stop{false};
        auto first = train::DpoRun::create((tmp_ / "parts").string(), config(5), d, validation, torch::kCPU);
        QVERIFY(first->run(&stop, [&](const train::StepStats& s) { stop = s.step == 3; }).stopped);
        auto second = train::DpoRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->run(nullptr, {}).lastStep, int64_t(5));
        QCOMPARE(test::flatValues(second->model().module().parameters()), test::flatValues(whole->model().module().parameters()));
        auto lines = [](const fs::path& run) {
            std::ifstream in(run / "metrics.jsonl");
            std::vector<std::string> out;
            for (std::string line; std::getline(in, line);) {
                auto j = nlohmann::json::parse(line);
                j.erase("time");
                j.erase("tokens_per_s");
                out.push_back(j.dump());
            }
            return out;
        };
        QCOMPARE(lines(tmp_ / "parts"), lines(tmp_ / "whole"));
    }

    // Imported comparisons, then every response ranked above another: ties and all-bad rankings give none.
    void rankingsImplyPairs() {
        auto store = data::ProjectStore::open((tmp_ / "ranked.rlhf").string(), true);
        auto& db = store->database();
        db.exec("INSERT INTO prompts(id, text, hash, source, split, created_at) VALUES (1, 'P', 1, 'manual', 'train', 0);"
                "INSERT INTO responses(id, prompt_id, text, hash, origin, created_at) VALUES (1, 1, 'a', 1, 'model', 0), "
                "(2, 1, 'b', 2, 'model', 0), (3, 1, 'c', 3, 'model', 0);"
                "INSERT INTO labellers(id, name, created_at) VALUES (1, 'x', 0);"
                "INSERT INTO rankings(id, prompt_id, labeller_id, created_at) VALUES (1, 1, 1, 0);"
                "INSERT INTO ranking_items(ranking_id, response_id, rank, shown_position) VALUES (1, 1, 2, 0), (1, 2, 1, 1), (1, 3, 2, 2);"
                "INSERT INTO rankings(id, prompt_id, labeller_id, all_bad, created_at) VALUES (2, 1, 1, 1, 0);"
                "INSERT INTO ranking_items(ranking_id, response_id, rank, shown_position) VALUES (2, 1, 1, 0), (2, 3, 2, 1);"
                "INSERT INTO comparisons(prompt_id, chosen_id, rejected_id, margin) VALUES (1, 3, 1, 2.5);");
        const auto got = data::readPreferencePairs(db, "train");
        QCOMPARE(got.size(), size_t(3));
        QCOMPARE(got[0].chosen + got[0].rejected, std::string("ca"));
        QCOMPARE(*got[0].margin, 2.5);
        QCOMPARE(got[1].chosen + got[1].rejected, std::string("ba"));
        QCOMPARE(got[2].chosen + got[2].rejected, std::string("bc"));
        QVERIFY(!got[1].margin);
        QVERIFY(data::readPreferencePairs(db, "validation").empty());
    }

    void settingsErrorsNameTheKey() {
        auto errorOf = [](const nlohmann::json& j) {
            try {
                train::DpoConfig::fromJson(j, "--set");
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
            return std::string();
        };
        QCOMPARE(errorOf({{"beta", 0.1}}), std::string("--set: model: no policy given (--set model=DIR)"));
        QVERIFY(errorOf({{"model", "m"}, {"loss_type", "hinge"}}).find("loss_type must be \"sigmoid\" or \"ipo\"") != std::string::npos);
        QVERIFY(errorOf({{"model", "m"}, {"label_smoothing", 0.5}}).find("below 0.5") != std::string::npos);
        QVERIFY(errorOf({{"model", "m"}, {"loss_type", "ipo"}, {"label_smoothing", 0.1}}).find("goes with loss_type sigmoid") != std::string::npos);
        QVERIFY(errorOf({{"model", "m"}, {"beta", 0}}).find("beta = 0 is outside") != std::string::npos);
        QCOMPARE(errorOf({{"model", "m"}, {"beta", 0.5}, {"loss_type", "ipo"}}), std::string());
    }
};

QTEST_APPLESS_MAIN(DpoTest)
#include "DpoTest.moc"
