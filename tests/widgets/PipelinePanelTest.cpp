// The Pipeline board on a demo project: each step's data counts and state, "Run the rest" training every
// step one after another from the checkpoints before it (rlhf-engine child processes, steps kept tiny),
// and the newest evaluation shown as a table.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "data/TrainingDataSummary.h"
#include "demo/DemoProject.h"
#include "pipeline/PipelineChain.h"
#include "pipeline/PipelinePanel.h"
#include "pipeline/StepCard.h"
#include "runs/RunLauncher.h"
#include "runs/RunsPanel.h"

using namespace rlhf;
using namespace rlhf::widgets;
namespace fs = std::filesystem;

namespace {

void makeStepsTiny(PipelinePanel& board) {
    for (auto [key, value] : {std::pair{"max_steps", "20"}, {"n_layer", "1"}, {"n_embd", "32"}, {"n_head", "2"}, {"vocab_size", "300"},
                              {"context", "64"}, {"eval_every", "0"}})
        board.overrideStepSetting("pretrain", key, value);
    for (const char* kind : {"sft", "rm", "dpo"}) board.overrideStepSetting(kind, "max_steps", "4");
    for (auto [key, value] : {std::pair{"max_steps", "1"}, {"rollout_batch", "4"}, {"mini_batch", "2"}, {"eval_every", "0"}})
        board.overrideStepSetting("ppo", key, value);
}

std::string configValue(const data::RunRow& run, const char* key) { return nlohmann::json::parse(run.config).value(key, ""); }

}  // namespace

class PipelinePanelTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    QString project_;

private slots:
    void initTestCase() {
        qputenv("RLHF_ENGINE", RLHF_ENGINE);
        tmp_ = fs::temp_directory_path() / ("rlhf-pipeline-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        project_ = QString::fromStdString((tmp_ / "demo.rlhf").string());
        demo::createDemoProject(project_.toStdString(), 1, {300, 1});
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void boardRunsTheRestAndShowsTheEvaluation() {
        RunsPanel runs;
        PipelinePanel board(&runs);
        board.resize(1200, 800);
        board.show();
        QSignalSpy refreshed(&board, &PipelinePanel::refreshed);
        runs.setProject(project_);
        board.setProject(project_);
        QVERIFY(refreshed.wait(20000));
        data::TrainingDataSummary counts;
        {
            auto store = data::ProjectStore::open(project_.toStdString(), false);
            counts = data::summarizeTrainingData(store->database());
        }
        QVERIFY(board.card("sft")->findChildren<QLabel*>().size() > 2);
        const QString sftData = board.card("sft")->findChildren<QLabel*>().at(2)->text();
        QVERIFY2(sftData.contains(QStringLiteral("train %1").arg(counts.train().demonstrations)), qPrintable(sftData));
        QCOMPARE(board.card("rm")->runText(), QStringLiteral("No run yet."));
        QCOMPARE(board.remainingSteps(), (std::vector<QString>{"pretrain", "sft", "rm", "ppo", "dpo"}));
        QCOMPARE(board.evaluationTable()->rowCount(), 0);

        makeStepsTiny(board);
        QTest::mouseClick(board.runTheRestButton(), Qt::LeftButton);
        QVERIFY(board.chain()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!board.chain()->isRunning(), 400000);
        QTRY_VERIFY_WITH_TIMEOUT(board.remainingSteps().empty(), 20000);

        auto store = data::ProjectStore::open(project_.toStdString(), false);
        const auto rows = data::RunStore(store->database()).runs();
        QCOMPARE(rows.size(), size_t(5));
        std::map<std::string, data::RunRow> byKind;
        for (const auto& r : rows) {
            QCOMPARE(r.status, std::string("finished"));
            byKind[r.kind] = r;
        }
        QCOMPARE(configValue(byKind["sft"], "model"), *byKind["pretrain"].lastCheckpoint);
        for (const char* kind : {"rm", "ppo", "dpo"}) QCOMPARE(configValue(byKind[kind], "model"), *byKind["sft"].lastCheckpoint);
        QCOMPARE(configValue(byKind["ppo"], "reward_model"), *byKind["rm"].lastCheckpoint);
        QCOMPARE(nlohmann::json::parse(byKind["pretrain"].config)["n_embd"].get<int>(), 32);  // the overrides reached the engine
        QTRY_VERIFY(board.card("dpo")->runText().contains(QStringLiteral("finished")));

        fs::create_directories(store->checkpointsDirectory() + "/evaluations");
        std::ofstream(store->checkpointsDirectory() + "/evaluations/eval-20990101-000000.json")
            << R"({"judge": "synthetic", "baseline": "2", "prompts": 8, "split": "test", "models": [
                 {"model": "2", "kind": "sft", "mean_score": 3.0, "win_rate": null, "ci_low": null, "ci_high": null, "kl": 0, "perplexity": 1.5},
                 {"model": "5", "kind": "dpo", "mean_score": 4.25, "win_rate": 0.75, "ci_low": 0.4, "ci_high": 0.93, "kl": 2.5, "perplexity": 1.75}]})";
        board.refresh();
        QTRY_COMPARE(board.evaluationTable()->rowCount(), 2);
        QCOMPARE(board.evaluationTable()->item(1, 0)->text(), QStringLiteral("5 (DPO)"));
        QCOMPARE(board.evaluationTable()->item(1, 1)->text(), QStringLiteral("4.250"));
        QCOMPARE(board.evaluationTable()->item(1, 2)->text(), QStringLiteral("0.75 [0.40, 0.93]"));
        QCOMPARE(board.evaluationTable()->item(0, 2)->text(), QStringLiteral("baseline"));
        QCOMPARE(board.evaluationTable()->item(1, 3)->text(), QStringLiteral("2.500"));
    }

    // A step stopped from the Runs panel ends the chain (it has no final checkpoint to go on from).
    void stoppingAStepEndsTheChain() {
        const QString project = QString::fromStdString((tmp_ / "stopped.rlhf").string());
        demo::createDemoProject(project.toStdString(), 2, {300, 1});
        RunsPanel runs;
        PipelinePanel board(&runs);
        QSignalSpy refreshed(&board, &PipelinePanel::refreshed);
        runs.setProject(project);
        board.setProject(project);
        QVERIFY(refreshed.wait(20000));
        makeStepsTiny(board);
        board.overrideStepSetting("pretrain", "max_steps", "100000");
        QSignalSpy started(runs.launcher(), &RunLauncher::runStarted);
        QSignalSpy messages(&board, &PipelinePanel::statusMessage);
        QTest::mouseClick(board.runTheRestButton(), Qt::LeftButton);
        QVERIFY(started.wait(60000));
        QVERIFY(board.chain()->isRunning());
        runs.launcher()->stop(started.first().first().toLongLong());
        QTRY_VERIFY_WITH_TIMEOUT(!board.chain()->isRunning(), 60000);
        QVERIFY(!messages.isEmpty());
        QVERIFY2(messages.last().first().toString().contains(QStringLiteral("ended without finishing")), qPrintable(messages.last().first().toString()));
        auto store = data::ProjectStore::open(project.toStdString(), false);
        const auto rows = data::RunStore(store->database()).runs();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].status, std::string("stopped"));
        QTRY_VERIFY(board.runTheRestButton()->isEnabled());
    }
};

QTEST_MAIN(PipelinePanelTest)
#include "PipelinePanelTest.moc"
