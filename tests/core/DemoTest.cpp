// The demo project's generated data and its synthetic labeller (docs/demo.md), the Wilson interval of
// win rates, and policy evaluation (rlhf eval) on the tiny GPT-2 fixture.
#include <torch/torch.h>  // before Qt: Qt's `slots` macro breaks torch headers

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <set>

#include "../TinySftProject.h"
#include "TestData.h"
#include "data/ProjectStore.h"
#include "data/RankingStore.h"
#include "demo/DemoData.h"
#include "demo/DemoProject.h"
#include "demo/SyntheticLabeller.h"
#include "eval/PolicyEvaluation.h"
#include "eval/WinRate.h"
#include "model/Scoring.h"

using namespace rlhf;
namespace fs = std::filesystem;

namespace {
const std::string kCow = "\n\nHuman: What sound does a cow make?\n\nAssistant:";
}

class DemoTest : public QObject {
    Q_OBJECT
    fs::path tmp_;

private slots:
    void initTestCase() {
        tmp_ = fs::temp_directory_path() / ("rlhf-demo-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void labellerScoresByItsRules_data() {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("response");
        QTest::addColumn<double>("score");
        const QString cow = QString::fromStdString(kCow);
        QTest::newRow("correct") << cow << " A cow says moo." << 3.0;
        QTest::newRow("polite both ends") << cow << " Sure! A cow says moo. I hope that helps!" << 5.0;
        QTest::newRow("wrong value") << cow << " A cow says baa." << -2.0;
        QTest::newRow("right and wrong") << cow << " A cow says moo or baa." << -2.0;
        QTest::newRow("evasive") << cow << " I do not know." << -1.0;
        QTest::newRow("off topic") << cow << " An ant lives in a hill." << -1.0;
        QTest::newRow("rude both ends") << cow << " Whatever. A cow says moo. Now leave me alone." << -1.0;
        QTest::newRow("repeated closing") << cow << " Sure! A cow says moo. I hope that helps! I hope that helps!" << 3.0;
        QTest::newRow("five sentences") << cow << " Sure! A cow says moo. The sky is blue. The grass is green. I hope that helps!" << 4.0;
        QTest::newRow("closing alone is not polite twice") << cow << " I hope that helps!" << -1.0;
        QTest::newRow("counting") << "\n\nHuman: Quick question: What comes after four?\n\nAssistant:" << " After four comes five." << 3.0;
        QTest::newRow("counting wrong") << "\n\nHuman: What comes after four?\n\nAssistant:" << " After four comes six." << -2.0;
        QTest::newRow("unknown question") << "\n\nHuman: Who are you?\n\nAssistant:" << " Sure!" << 0.0;
        QTest::newRow("last turn asks") << "\n\nHuman: What colour is the sky?\n\nAssistant: Blue.\n\nHuman: What does a cow say?\n\nAssistant:"
                                        << " The sky is blue." << -1.0;
    }
    void labellerScoresByItsRules() {
        QFETCH(QString, prompt);
        QFETCH(QString, response);
        QFETCH(double, score);
        QCOMPARE(demo::SyntheticLabeller().score(prompt.toStdString(), response.toStdString()), score);
    }

    void sentencesAreSplitAfterTheirPunctuation() {
        QCOMPARE(demo::sentencesOf(" Sure! A cow says moo. Is it? trailing "),
                 (std::vector<std::string>{"Sure!", "A cow says moo.", "Is it?", "trailing"}));
        QVERIFY(demo::sentencesOf("  ").empty());
    }

    void comparisonsTellTheBetterAnswer() {
        const demo::DemoData a = demo::generateDemoData(7), b = demo::generateDemoData(7), c = demo::generateDemoData(8);
        QCOMPARE(a.corpus, b.corpus);
        QVERIFY(a.corpus != c.corpus);
        QCOMPARE(a.demonstrations.size(), demo::demoPrompts().size());
        QCOMPARE(demo::demoPrompts().size(), size_t(66 * 3 * 5));
        QVERIFY(a.pairs.size() > 2 * demo::demoPrompts().size());
        const demo::SyntheticLabeller labeller;
        std::set<std::string> prompts;
        for (const auto& p : a.pairs) {
            QVERIFY(labeller.score(p.prompt, p.chosen) > labeller.score(p.prompt, p.rejected));
            QVERIFY(labeller.judge(p.prompt, p.chosen).knownQuestion);
            prompts.insert(p.prompt);
        }
        QCOMPARE(prompts.size(), demo::demoPrompts().size());
        int correct = 0;
        for (const auto& d : a.demonstrations) correct += labeller.judge(d.prompt, d.completion).answer == demo::AnswerKind::Correct;
        QVERIFY(correct > 700 && correct < 900);  // 82 % of 990 demonstrators answer correctly
    }

    void wilsonIntervalMatchesStatsmodels() {
        // statsmodels.stats.proportion.proportion_confint(count, n, alpha=0.05, method="wilson")
        struct Case { double count, n, low, high; };
        for (const Case& c : {Case{7.5, 12, 0.3543690134663, 0.8350074848699}, Case{0, 10, 0.0, 0.2775327998629},
                              Case{10, 10, 0.7224672001371, 1.0}, Case{55, 100, 0.4524460299744, 0.6438546202049},
                              Case{1, 3, 0.0614919447204, 0.7923403991980}}) {
            double low = 0, high = 0;
            eval::wilsonInterval(c.count / c.n, c.n, low, high);
            QVERIFY2(std::abs(low - c.low) < 1e-12 && std::abs(high - c.high) < 1e-12, qPrintable(QString::number(c.count)));
        }
        const auto w = eval::winRateOf({1, 1, 0.5, 0, 1, 0.5, 1, 1, 0, 1, 0.5, 1});
        QCOMPARE(w.wins, int64_t(7));
        QCOMPARE(w.ties, int64_t(3));
        QCOMPARE(w.losses, int64_t(2));
        QCOMPARE(w.rate, 8.5 / 12);
    }

    void demoProjectIsMadeWholeOrNotAtAll() {
        const std::string path = (tmp_ / "demo.rlhf").string();
        const auto created = demo::createDemoProject(path, 3, {200, 1});
        QCOMPARE(created.demonstrations, int64_t(990));
        auto store = data::ProjectStore::open(path, false);
        QCOMPARE(demo::demoSettings(store->database())->value("seed", 0), 3);
        QCOMPARE(store->stats().comparisons, created.pairs);
        QCOMPARE(store->stats().rankings, int64_t(0));  // items to rank, none judged: nothing changes what the demo trains on
        data::RankingStore items(store->database());
        QCOMPARE(items.itemCount(), int64_t(40));
        QCOMPARE(items.item(1)->responses.size(), size_t(4));
        QVERIFY(fs::file_size(demo::demoCorpusPath(store->checkpointsDirectory())) == static_cast<uintmax_t>(created.corpusBytes));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, demo::createDemoProject(path, 3, {200, 1}));
        const std::string nowhere = (tmp_ / "missing-folder" / "demo.rlhf").string();
        QVERIFY_THROWS_EXCEPTION(std::exception, demo::createDemoProject(nowhere));
        QVERIFY(!fs::exists(nowhere) && !fs::exists(nowhere + ".creating-" + std::to_string(::getpid())));
    }

    // A policy against itself: every outcome a tie, KL exactly 0; perplexity from the model's own log-probs.
    void policyAgainstItself() {
        const std::string dir = test::makeTinySftProject(tmp_ / "tiny").model.string();  // the tiny GPT-2 with a tokenizer
        const std::vector<std::string> prompts = {"Hello there", "The sky is"};
        const std::vector<data::Demonstration> demos = {{"Hello", " world"}, {"The sky", " is blue"}};
        eval::Judge length{"length", [](const auto&, const std::vector<std::string>& responses) {
                               std::vector<double> s;
                               for (const auto& r : responses) s.push_back(static_cast<double>(r.size()));
                               return s;
                           }};
        const auto results = eval::evaluatePolicies({{"a", dir}, {"b", dir}}, 0, prompts, demos, {length}, {8, 1}, torch::kCPU);
        QCOMPARE(results.size(), size_t(2));
        QCOMPARE(results[1].responses, results[0].responses);
        QCOMPARE(results[1].kl, 0.0);
        auto m = model::loadCheckpoint(dir);
        double nll = 0, tokens = 0;
        for (const auto& d : demos) {
            auto response = m.tokenizer->encode(d.response);
            response.push_back(m.model->config().eosTokenId);
            nll -= model::scoreResponse(m.model, m.tokenizer->encode(d.prompt), response).sum;
            tokens += static_cast<double>(response.size());
        }
        QVERIFY(std::abs(results[0].perplexity - std::exp(nll / tokens)) < 1e-6 * results[0].perplexity);
        QCOMPARE(results[0].scores.at("length")[0], static_cast<double>(results[0].responses[0].size()));
    }
};

QTEST_APPLESS_MAIN(DemoTest)
#include "DemoTest.moc"
