// Supervised fine-tuning (architecture §5 SFT): rows learn the response and its EOS only; the loss and the
// gradient of a step are normalised by the step's learned tokens, not per micro-batch; truncation and
// skipping; settings errors; a resumed run that reproduces an uninterrupted one bit for bit; and a
// trained model that answers with a demonstration and stops at its EOS.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <filesystem>
#include <fstream>

#include "TensorCompare.h"
#include "TestData.h"
#include "TestPrinters.h"
#include "model/Generation.h"
#include "model/HfCheckpoint.h"
#include "model/MambaCheckpoint.h"
#include "model/MambaGeneration.h"
#include "train/GradientClipping.h"
#include "train/SftRun.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {

constexpr int kEos = 50256;

train::ResponseEncoding plain() { return {std::nullopt, kEos}; }  // a GPT-2 has no chat template

std::vector<data::Demonstration> demonstrations() {
    return {{"Human: hi\n\nAssistant:", " Hello! How can I help?"},
            {"Human: 2+2?\n\nAssistant:", " 4"},
            {"Human: Name a colour.\n\nAssistant:", " Blue, like the sky on a clear day."}};
}

}  // namespace

class SftTest : public QObject {
    Q_OBJECT
    fs::path tmp_, base_;
    std::unique_ptr<text::Tokenizer> gpt2_;

    train::FineTuneConfig config(int64_t maxSteps) const {
        train::FineTuneConfig c;
        c.model = base_.string();
        c.batchSize = 2;
        c.maxSteps = maxSteps;
        c.lr = 1e-3;
        c.warmupSteps = 1;
        c.evalEvery = 2;
        c.checkpointEvery = 0;
        c.precision = "fp32";
        return c;
    }

private slots:
    void initTestCase() {
        torch::set_num_threads(2);
        tmp_ = fs::temp_directory_path() / ("rlhf-sft-" + std::to_string(::getpid()));
        base_ = tmp_ / "base";
        fs::create_directories(base_);
        for (const char* f : {"tiny-gpt2/policy/config.json", "tiny-gpt2/policy/model.safetensors", "gpt2/vocab.json", "gpt2/merges.txt"})
            fs::copy_file(test::dataPath(f), base_ / fs::path(f).filename());
        gpt2_ = std::make_unique<text::Tokenizer>(text::Tokenizer::fromDirectory(base_.string()));
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void rowsLearnTheResponseAndItsEos() {
        const auto d = demonstrations();
        const auto examples = train::makeSftExamples(d, *gpt2_, plain(), 64);
        QCOMPARE(examples.rows.size(), size_t(3));
        QCOMPARE(examples.truncated, int64_t(0));
        const auto prompt = gpt2_->encode(d[1].prompt), response = gpt2_->encode(d[1].response);
        std::vector<int> want = prompt;
        want.insert(want.end(), response.begin(), response.end());
        want.push_back(kEos);
        QCOMPARE(examples.rows[1].ids, want);
        QCOMPARE(examples.rows[1].promptLength, static_cast<int64_t>(prompt.size()));
        // An empty prompt starts from EOS; a long row keeps its start; a prompt that fills max_length is skipped.
        const auto cut = train::makeSftExamples({{"", " 4"}, d[2], {d[2].prompt, ""}}, *gpt2_, plain(), 12);
        QCOMPARE(cut.rows[0].ids, (std::vector<int>{kEos, gpt2_->encode(" 4")[0], kEos}));
        QCOMPARE(cut.rows[0].promptLength, int64_t(1));
        QCOMPARE(cut.rows[1].ids.size(), size_t(13));
        QVERIFY(cut.rows[1].ids.back() != kEos);
        QCOMPARE(cut.truncated, int64_t(1));
        QCOMPARE(train::makeSftExamples({d[2]}, *gpt2_, plain(), 9).skipped, int64_t(1));  // the prompt is 10 tokens
    }

    void batchTargetsAreTheResponseTokensAndEosOnly() {
        std::vector<train::ResponseRow> rows = {{{5, 6, 7, 8}, 2}, {{9, 10, 11}, 1}};
        const auto b = train::makeResponseBatch(rows, {1, 0}, 99);
        QCOMPARE(b.input.sizes(), (torch::IntArrayRef{2, 3}));
        QVERIFY(b.input.equal(torch::tensor({{9, 10, 99}, {5, 6, 7}}, torch::kLong)));
        QVERIFY(b.target.equal(torch::tensor({{10, 11, -1}, {-1, 7, 8}}, torch::kLong)));
        QCOMPARE(b.lossTokens, int64_t(4));
        QCOMPARE(b.positions, int64_t(6));
    }

    // The loss sums -log p of the learned targets only; padding after a row changes nothing in it.
    void lossSumIsTheLearnedTokensNegativeLogLikelihood() {
        auto loaded = model::loadCheckpoint(base_.string());
        auto& m = loaded.model;
        const auto examples = train::makeSftExamples(demonstrations(), *gpt2_, plain(), 64);
        const auto alone = train::makeResponseBatch(examples.rows, {1}, kEos);
        const auto padded = train::makeResponseBatch(examples.rows, {1, 2}, kEos);
        torch::NoGradGuard noGrad;
        const auto logProbs = torch::log_softmax(m->forward(alone.input).to(torch::kFloat64), -1);  // [1,T,V]
        double want = 0;
        for (int64_t t = 0; t < alone.target.size(1); ++t) {
            const int64_t target = alone.target[0][t].item<int64_t>();
            if (target >= 0) want -= logProbs[0][t][target].item<double>();
        }
        QVERIFY(want > 1.0);
        model::CausalLm lm(m);
        const double got = train::sftLossSum(lm, alone.input, alone.target).item<double>();
        QVERIFY2(std::abs(got - want) < 1e-3, (std::to_string(got) + " vs " + std::to_string(want)).c_str());
        const auto firstRowOnly = padded.target.clone();
        firstRowOnly[1].fill_(-1);
        const double inBatch = train::sftLossSum(lm, padded.input, firstRowOnly).item<double>();
        QVERIFY2(std::abs(inBatch - got) < 1e-4, (std::to_string(inBatch) + " vs " + std::to_string(got)).c_str());
    }

    // Two micro-batches of one row each, of 7 and 2 learned tokens: the step's loss and gradient norm are
    // per learned token of the whole step (a mean of the two micro-batch means would differ).
    void aStepIsNormalisedByItsLearnedTokens() {
        auto c = config(1);
        c.batchSize = 1;
        c.gradAccum = 2;
        c.lr = 0;
        c.evalEvery = 0;
        const auto d = demonstrations();
        auto run = train::SftRun::create((tmp_ / "normalised").string(), c, {d[0], d[1]}, {}, torch::kCPU);
        train::StepStats first;
        run->run(nullptr, [&](const train::StepStats& s) { first = s; });
        auto loaded = model::loadCheckpoint(base_.string());
        const auto examples = train::makeSftExamples({d[0], d[1]}, *gpt2_, plain(), 64);
        const auto a = train::makeResponseBatch(examples.rows, {0}, kEos), b = train::makeResponseBatch(examples.rows, {1}, kEos);
        QVERIFY(a.lossTokens != b.lossTokens);
        model::CausalLm lm(loaded.model);
        const auto sumA = train::sftLossSum(lm, a.input, a.target);
        const auto sumB = train::sftLossSum(lm, b.input, b.target);
        (sumA + sumB).backward();
        const double tokens = static_cast<double>(a.lossTokens + b.lossTokens);
        const double perToken = (sumA + sumB).item<double>() / tokens;
        const double meanOfMeans = (sumA.item<double>() / a.lossTokens + sumB.item<double>() / b.lossTokens) / 2;
        QVERIFY(std::abs(perToken - meanOfMeans) > 1e-2);
        QVERIFY2(std::abs(first.values.at("loss") - perToken) < 1e-4,
                 (std::to_string(first.values.at("loss")) + " vs " + std::to_string(perToken)).c_str());
        const double norm = train::gradientNorm(loaded.model->parameters()).item<double>() / tokens;
        QVERIFY2(std::abs(first.values.at("grad_norm") - norm) < 1e-4 * norm,
                 (std::to_string(first.values.at("grad_norm")) + " vs " + std::to_string(norm)).c_str());
    }

    // One step without warm-up runs at the peak learning rate, so the saved weights differ from the start
    // (a schedule one step late gave it lr 0 and saved the input unchanged).
    void oneStepWithoutWarmupChangesTheWeights() {
        auto c = config(1);
        c.warmupSteps = 0;
        c.evalEvery = 0;
        auto run = train::SftRun::create((tmp_ / "one-step").string(), c, demonstrations(), {}, torch::kCPU);
        train::StepStats first;
        run->run(nullptr, [&](const train::StepStats& s) { first = s; });
        QCOMPARE(first.values.at("lr"), 1e-3);
        const auto start = model::loadCheckpoint(base_.string());
        const auto saved = model::loadCheckpoint(run->lastCheckpoint());
        const double moved = test::maxDifference(torch::cat(test::flatTensors(saved.model->parameters())),
                                                 torch::cat(test::flatTensors(start.model->parameters())));
        QVERIFY2(moved > 1e-4, std::to_string(moved).c_str());
    }

    // Stopped after step 2 of 5 (three rows, two per micro-batch: epochs end inside batches) and resumed,
    // the run ends with the parameters and metrics of one that ran through.
    void resumedRunMatchesAnUninterruptedOne() {
        const auto d = demonstrations();
        const std::vector<data::Demonstration> validation = {d[1]};
        auto whole = train::SftRun::create((tmp_ / "whole").string(), config(5), d, validation, torch::kCPU);
        QCOMPARE(whole->run(nullptr, {}).lastStep, int64_t(5));
        std::atomic<bool> stop{false};
        auto first = train::SftRun::create((tmp_ / "parts").string(), config(5), d, validation, torch::kCPU);
        const auto stopped = first->run(&stop, [&](const train::StepStats& s) { stop = s.step == 2; });
        QVERIFY(stopped.stopped);
        QCOMPARE(stopped.lastStep, int64_t(2));
        auto second = train::SftRun::resume((tmp_ / "parts").string(), torch::kCPU);
        QCOMPARE(second->step(), int64_t(2));
        QCOMPARE(second->run(nullptr, {}).lastStep, int64_t(5));
        QCOMPARE(test::flatValues(second->model().module().parameters()), test::flatValues(whole->model().module().parameters()));
        auto losses = [](const fs::path& run) {
            std::ifstream in(run / "metrics.jsonl");
            std::vector<std::pair<double, double>> out;
            for (std::string line; std::getline(in, line);) {
                const auto j = nlohmann::json::parse(line);
                out.emplace_back(j.at("loss").get<double>(), j.value("val_loss", 0.0));
            }
            return out;
        };
        QCOMPARE(losses(tmp_ / "parts"), losses(tmp_ / "whole"));
        QCOMPARE(losses(tmp_ / "whole").size(), size_t(5));
    }

    // Trained long enough on three demonstrations, the model answers a train prompt with its response and
    // then stops: the EOS appended to each row is learned.
    void theResponseAndItsEosAreLearned() {
        auto c = config(80);
        c.batchSize = 3;
        c.lr = 1e-2;
        c.warmupSteps = 5;
        c.evalEvery = 0;
        const auto d = demonstrations();
        auto run = train::SftRun::create((tmp_ / "learned").string(), c, d, {}, torch::kCPU);
        run->run(nullptr, {});
        model::SamplingOptions greedy;
        greedy.greedy = true;
        greedy.maxNewTokens = 20;
        const auto out = model::generate(run->model().gpt(), {gpt2_->encode(d[0].prompt)}, greedy).at(0);
        QCOMPARE(gpt2_->decode(out.ids), d[0].response + "<|endoftext|>");
        QVERIFY(out.endedWithEos);
    }

    // A Mamba fine-tunes the same way: the same rows and loss, its checkpoint a MambaForCausalLM directory
    // that answers a train prompt with its response and the EOS.
    void aMambaLearnsTheResponseAndItsEos() {
        model::MambaConfig mc;
        mc.vocabSize = gpt2_->vocabSize();
        mc.hiddenSize = 32;
        mc.layers = 2;
        mc.intermediateSize = 64;
        mc.stateSize = 8;
        mc.timeStepRank = 2;
        mc.eosTokenIds = {kEos};
        torch::manual_seed(4);
        model::MambaModel mamba(mc);
        const fs::path base = tmp_ / "mamba-base";
        model::saveMambaModel(base.string(), mamba, gpt2_.get());
        auto c = config(60);
        c.model = base.string();
        c.batchSize = 3;
        c.lr = 1e-2;
        c.warmupSteps = 5;
        c.evalEvery = 0;
        const auto d = demonstrations();
        auto run = train::SftRun::create((tmp_ / "mamba-learned").string(), c, d, {}, torch::kCPU);
        QCOMPARE(run->model().architecture(), std::string("mamba"));
        run->run(nullptr, {});
        auto trained = model::loadMambaModel(run->lastCheckpoint());
        model::SamplingOptions greedy;
        greedy.greedy = true;
        greedy.maxNewTokens = 20;
        const auto out = model::generateMamba(trained, gpt2_->encode(d[0].prompt), 1, greedy).at(0);
        QCOMPARE(gpt2_->decode(out.ids), d[0].response + "<|endoftext|>");
        QVERIFY(out.endedWithEos);
    }

    void epochsSetTheStepsAndSettingsErrorsNameTheKey() {
        auto c = config(0);
        c.epochs = 2;  // 3 rows x 2 epochs / 2 per step = 3 steps
        auto run = train::SftRun::create((tmp_ / "epochs").string(), c, demonstrations(), {}, torch::kCPU);
        QCOMPARE(run->config().maxSteps, int64_t(3));
        auto errorOf = [](const nlohmann::json& j) {
            try {
                train::FineTuneConfig::fromJson(j, "--set");
            } catch (const std::invalid_argument& e) {
                return std::string(e.what());
            }
            return std::string();
        };
        QCOMPARE(errorOf({{"lr", 1e-4}}), std::string("--set: model: no base model given (--set model=DIR)"));
        QVERIFY(errorOf({{"model", "m"}, {"batchsize", 2}}).find("unknown setting 'batchsize'") != std::string::npos);
        QVERIFY(errorOf({{"model", "m"}, {"grad_accum", 0}}).find("grad_accum = 0 is outside") != std::string::npos);
        QVERIFY(errorOf({{"model", "m"}, {"epochs", 0}}).find("epochs must be above 0") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 train::SftRun::create((tmp_ / "none").string(), config(1), {}, {}, torch::kCPU));
        auto tooLong = config(1);
        tooLong.maxLength = 65;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 train::SftRun::create((tmp_ / "long").string(), tooLong, demonstrations(), {}, torch::kCPU));
    }
};

QTEST_APPLESS_MAIN(SftTest)
#include "SftTest.moc"
