// The Runs panel offscreen, with rlhf-engine as its child process: a tiny SFT started from the New-run
// dialog puts points on the curve, pauses, resumes and stops; the queue starts a second run from the
// first one's final checkpoint (a child in the lineage tree); the runs model passes
// QAbstractItemModelTester; the Compare tab puts a Mamba next to a GPT-2. And the numbers the curves and dialog show: TensorBoard's smoothing, the
// decimation, the settings that differ, what a stage is missing.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QTreeView>
#include <filesystem>
#include <fstream>

#include <qcustomplot.h>

#include "../TinySftProject.h"
#include "../core/TestData.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "model/MemoryEstimate.h"
#include "runs/CheckpointRetention.h"
#include "runs/CurveMath.h"
#include "runs/ImportRunDialog.h"
#include "runs/NewRunDialog.h"
#include "runs/PpoSamplesView.h"
#include "runs/RewardEvaluation.h"
#include "runs/RunColors.h"
#include "runs/RunCompareView.h"
#include "runs/RunComparison.h"
#include "runs/RunCurvesView.h"
#include "runs/RunLauncher.h"
#include "runs/RunListModel.h"
#include "runs/RunPrerequisites.h"
#include "runs/RunsPanel.h"
#include "runs/SettingsDifference.h"
#include "runs/StageSettings.h"

using namespace rlhf;
using namespace rlhf::widgets;
namespace fs = std::filesystem;

class RunsPanelTest : public QObject {
    Q_OBJECT
    fs::path tmp_, project_, model_;

    // A short SFT as a user types it into the dialog: max_steps, batches of 4, no evaluation.
    static void typeTinySftSettings(NewRunDialog* dialog, const QString& maxSteps) {
        dialog->setSetting("max_steps", maxSteps);
        dialog->setSetting("batch_size", "4");
        dialog->setSetting("eval_every", "0");
    }
    const RunEntry* waitForStatus(RunsPanel& panel, int64_t id, const std::string& status) {
        const RunEntry* e = nullptr;
        (void)QTest::qWaitFor([&] {
            panel.refresh();
            e = panel.model()->entry(id);
            return e && e->status == status;
        }, 300000);  // generous: under a parallel build both cores are busy
        return e && e->status == status ? e : nullptr;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // the dialogs' remembered choices under ~/.qttest
        QCoreApplication::setOrganizationName(QStringLiteral("RLHF Workbench test"));
        QCoreApplication::setApplicationName(QStringLiteral("RunsPanelTest"));
        QSettings().clear();
        qputenv("RLHF_ENGINE", RLHF_ENGINE);
        tmp_ = fs::temp_directory_path() / ("rlhf-runspanel-" + std::to_string(::getpid()));
        fs::create_directories(tmp_);
        const auto made = test::makeTinySftProject(tmp_);
        project_ = made.project;
        model_ = made.model;
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void smoothingIsTensorBoards() {
        const auto s = emaSmooth({{1, 1}, {2, 2}, {3, 3}, {4, 10}}, 0.5);
        QCOMPARE(s.size(), size_t(4));
        QCOMPARE(s[0].y, 1.0);  // debiased: the first point is itself
        QVERIFY(qAbs(s[1].y - 1.6666666667) < 1e-9);
        QVERIFY(qAbs(s[2].y - 2.4285714286) < 1e-9);
        QVERIFY(qAbs(s[3].y - 6.4666666667) < 1e-9);
        QCOMPARE(emaSmooth({{1, 5}}, 0.0)[0].y, 5.0);
    }

    void decimationKeepsSpikes() {
        std::vector<CurvePoint> points;
        for (int i = 0; i < 100000; ++i) points.push_back({double(i), i == 51234 ? 100.0 : 1.0 + (i % 7) * 0.01});
        const auto d = decimateMinMax(points, 500);
        QVERIFY(d.size() <= 1002);
        QCOMPARE(d.front().x, 0.0);
        QCOMPARE(d.back().x, 99999.0);
        QVERIFY(std::any_of(d.begin(), d.end(), [](const CurvePoint& p) { return p.y == 100.0 && p.x == 51234; }));
        QVERIFY(std::is_sorted(d.begin(), d.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; }));
        QCOMPARE(decimateMinMax({{0, 1}, {1, 2}}, 500).size(), size_t(2));
    }

    void settingsThatDiffer() {
        const auto d = differingSettings({{{"lr", 1e-5}, {"seed", 1}, {"schedule", "cosine"}},
                                          {{"lr", 2e-5}, {"seed", 1}, {"schedule", "cosine"}, {"beta", 0.1}}});
        QCOMPARE(d.size(), size_t(2));
        QCOMPARE(d[0].key, std::string("beta"));
        QCOMPARE(d[0].values, (std::vector<std::string>{"—", "0.1"}));
        QCOMPARE(d[1].key, std::string("lr"));
        QCOMPARE(d[1].values, (std::vector<std::string>{"1e-05", "2e-05"}));
    }

    void missingPrerequisitesAreNamed() {
        data::TrainingDataSummary empty;
        for (const char* s : {"train", "validation", "test"}) empty.splits[s] = {};
        const auto sft = missingPrerequisites({"sft", false, false}, empty);
        QCOMPARE(sft.size(), 2);
        QVERIFY(sft[0].text.contains("No demonstrations"));
        QCOMPARE(sft[0].panel, QString("dataset"));
        auto withPrompts = empty;
        withPrompts.splits["train"].prompts = 5;
        const auto ppo = missingPrerequisites({"ppo", true, false}, withPrompts);
        QCOMPARE(ppo.size(), 1);
        QVERIFY(ppo[0].text.contains("reward model"));
        QCOMPARE(missingPrerequisites({"pretrain", false, false}, withPrompts).size(), 0);
        QCOMPARE(defaultStageSettings("dpo")["beta"].get<double>(), 0.1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, validateStageSettings("sft", {{"model", "x"}, {"lr", -1}}));
    }

    // Keep the last 2 and the best by val_loss (judged by the latest evaluation at or before each step).
    void retentionKeepsTheLastAndTheBest() {
        std::vector<data::CheckpointRow> checkpoints;
        for (int64_t step : {100, 200, 300, 400, 500}) checkpoints.push_back({step / 100, 1, step, "c", "", 0});
        const std::vector<data::MetricPoint> valLoss = {{"val_loss", 50, 3.0, 0}, {"val_loss", 150, 1.0, 0}, {"val_loss", 250, 2.0, 0},
                                                        {"val_loss", 350, 2.5, 0}};
        // step 200 is judged by step 150's 1.0: the best; 400 and 500 are the last two.
        QCOMPARE(checkpointsToDelete(checkpoints, valLoss, retentionRuleFor("sft", 2)), (std::vector<int64_t>{1, 3}));
        const std::vector<data::MetricPoint> scores = {{"val_objective/scores", 100, 0.9, 0}, {"val_objective/scores", 300, 0.2, 0}};
        QCOMPARE(checkpointsToDelete(checkpoints, scores, retentionRuleFor("ppo", 1)), (std::vector<int64_t>{2, 3, 4}));
        QCOMPARE(checkpointsToDelete(checkpoints, {}, retentionRuleFor("rm", 3)), (std::vector<int64_t>{1, 2}));
        // A checkpoint another run names as its model is kept.
        checkpoints[0].path = "/runs/1-sft/checkpoints/step-100";
        QCOMPARE(checkpointsToDelete(checkpoints, {}, retentionRuleFor("rm", 3), {checkpoints[0].path}), (std::vector<int64_t>{2}));
        RunEntry ppo;
        ppo.row.id = 9;
        ppo.config = {{"model", "/a"}, {"reward_model", checkpoints[0].path}};
        QCOMPARE(runsUsing({ppo}, checkpoints[0].path), (std::vector<int64_t>{9}));
        QCOMPARE(checkpointsInUse({ppo}), (std::set<std::string>{"/a", checkpoints[0].path}));
    }

    void rewardModelEvaluationNumbers() {
        std::string lines;
        for (double m : {2.0, -1.0, 0.5, 3.0})
            lines += "{\"step\": 7, \"prompt_id\": 4, \"prompt\": \"p\", \"chosen\": \"c\", \"rejected\": \"r\", \"chosen_reward\": " +
                     std::to_string(m + 1) + ", \"rejected_reward\": 1}\n";
        const auto pairs = parseEvaluation(lines);
        QCOMPARE(pairs.size(), size_t(4));
        QCOMPARE(pairs[1].margin(), -1.0);
        QCOMPARE(mostWrong(pairs, 1).front().margin(), -1.0);
        // Both ways round, eight predictions fall in eight different tenths: ECE = mean |outcome − p|.
        const auto bins = calibration(pairs, 10);
        QCOMPARE(bins.size(), size_t(8));
        QVERIFY(qAbs(expectedCalibrationError(bins) - 0.3188070106569587) < 1e-12);
        const auto accuracy = accuracyByMargin(pairs, 3);  // |margins| 2, 1, 0.5, 3 in [0,1), [1,2), [2,3]
        QCOMPARE(accuracy[0].count, int64_t(1));
        QCOMPARE(accuracy[0].y, 1.0);
        QCOMPARE(accuracy[1].y, 0.0);  // margin −1: wrong
        QCOMPARE(accuracy[2].count, int64_t(2));
        QCOMPARE(accuracy[2].y, 1.0);
        const auto h = histogram({0.0, 0.1, 0.99, 1.0}, 0, 1, 2);
        QCOMPARE(h[0].count, int64_t(2));
        QCOMPARE(h[1].count, int64_t(2));
        try {
            parseEvaluation(lines + "{\"prompt\": 3}\n");
            QFAIL("a bad line was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("line 5") != std::string::npos, e.what());
        }
        const auto samples = parsePpoSamples("{\"step\": 1, \"prompt\": \"a\", \"response\": \"b\", \"score\": 0.5, \"kl\": 0.1, \"length\": 3}\n"
                                             "{\"step\": 2, \"prompt\": \"a\", \"response\": \"c\", \"score\": 1.5}\n{\"step\": 3, \"resp", 1);
        QCOMPARE(samples.size(), size_t(1));  // the cut last line is skipped, the last one kept
        QCOMPARE(samples[0].score, 1.5);
    }

    // A run that logged one step shows it: a marker in the run's colour, the axes centred on it (a line of
    // one point draws nothing).
    void aRunOfOnePointIsDrawn() {
        RunCurvesView view;
        view.resize(700, 450);
        view.show();
        view.showRuns({{1, QStringLiteral("#1 SFT")}}, "loss");
        view.setPoints(1, {{"loss", 1, 2.5, 1000.0}});
        QTRY_COMPARE(view.shownSeries()[QStringLiteral("#1 SFT")].size(), size_t(1));
        auto* plot = view.findChild<QCustomPlot*>();
        QVERIFY(plot);
        QTest::qWait(100);  // the queued replot
        QVERIFY(plot->xAxis->range().contains(1.0) && plot->xAxis->range().size() > 0 && plot->xAxis->range().size() < 1);
        QVERIFY(plot->yAxis->range().contains(2.5) && plot->yAxis->range().size() < 1);
        plot->legend->setVisible(false);  // its sample line is in the run's colour too
        const QImage image = plot->toPixmap(700, 450).toImage();
        const QColor color = runColor(0);
        int coloured = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) coloured += QColor(image.pixel(x, y)) == color;
        QVERIFY2(coloured >= 20, qPrintable(QString::number(coloured)));  // a disc of 7 pixels, not a stray pixel
        // More points: none on the frame (the axes leave room around the data).
        view.setPoints(1, {{"loss", 1, 2.5, 1000.0}, {"loss", 2, 0.7, 1001.0}, {"loss", 3, 1.25, 1002.0}});
        QTRY_COMPARE(view.shownSeries()[QStringLiteral("#1 SFT")].size(), size_t(3));
        QTest::qWait(100);
        QVERIFY2(plot->yAxis->range().lower < 0.7 - 0.05 && plot->yAxis->range().upper > 2.5 + 0.05,
                 qPrintable(QString("%1..%2").arg(plot->yAxis->range().lower).arg(plot->yAxis->range().upper)));
        QVERIFY(plot->xAxis->range().lower < 1 && plot->xAxis->range().upper > 3);
    }

    // The title column fits its titles (and header) up to a long title's width, so an empty list shows
    // every header; once the user drags it, refreshes leave their width.
    void theTitleColumnFitsItsTitlesUntilDragged() {
        const fs::path project = tmp_ / "columns.rlhf";
        auto store = data::ProjectStore::open(project.string(), true);
        RunsPanel panel;
        panel.resize(1200, 700);
        panel.show();
        panel.setProject(QString::fromStdString(project.string()));
        auto* header = panel.findChild<QTreeView*>()->header();
        const int most = panel.findChild<QTreeView*>()->fontMetrics().horizontalAdvance(QStringLiteral("#000 Pretraining · Mamba — imported name"));
        QTRY_VERIFY(header->sectionSize(RunListModel::RunColumn) < most / 2);  // "Run" alone
        data::FinishedRun run;
        run.kind = "sft";
        run.name = "a name longer than any column should grow for, from the cluster in the basement";
        run.config = "{}";
        data::RunStore(store->database()).addFinishedRun(run, [&](int64_t) { return (tmp_ / "columns-checkpoint").string(); });
        panel.refresh();
        QTRY_COMPARE(panel.model()->runs().size(), size_t(1));
        QCOMPARE(header->sectionSize(RunListModel::RunColumn), most);
        header->resizeSection(RunListModel::RunColumn, 150);  // as a drag does
        run.name = "another";
        data::RunStore(store->database()).addFinishedRun(run, [&](int64_t) { return (tmp_ / "columns-checkpoint-2").string(); });
        panel.refresh();
        QTRY_COMPARE(panel.model()->runs().size(), size_t(2));  // the snapshot applied: fitRunColumn has run
        QCOMPARE(header->sectionSize(RunListModel::RunColumn), 150);
        // The newest run is selected: finished without a logged step, its plot says so (not "points are coming").
        const auto emptyPlotText = [&] {
            for (auto* label : panel.findChildren<QLabel*>())
                if (label->isVisible() && label->text().startsWith(QStringLiteral("No points"))) return label->text();
            return QString();
        };
        QTRY_COMPARE(emptyPlotText(), QStringLiteral("No points: the run ended before it logged a step (its status and message are under the list)."));
    }

    void startWatchPauseResumeStopAndQueue() {
        RunsPanel panel;
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(1200, 800);
        panel.show();
        panel.setProject(QString::fromStdString(project_.string()));
        auto action = [&](const QString& text) {
            for (QAction* a : panel.findChildren<QAction*>())
                if (a->text() == text) return a;
            return static_cast<QAction*>(nullptr);
        };
        // Start a long SFT from the dialog, from a Hugging Face directory on disk.
        NewRunDialog* dialog = panel.newRun("sft", QString::fromStdString(model_.string()));
        QVERIFY(QTest::qWaitFor([&] { return dialog->canStart(); }, 10000));
        typeTinySftSettings(dialog, "100000");
        dialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return panel.launcher()->isLive(1); }, 60000));
        // Points arrive on the curve; the first one is the loss the project recorded for step 1.
        QVERIFY(QTest::qWaitFor([&] { return panel.curves()->shownSeries()["#1 SFT"].size() >= 3; }, 60000));
        QCOMPARE(panel.curves()->currentMetric(), QString("loss"));
        const auto first = panel.curves()->shownSeries()["#1 SFT"].front();
        QCOMPARE(first.first, 1.0);
        QVERIFY(QTest::qWaitFor([&] {
            auto store = data::ProjectStore::open(project_.string(), false);
            for (const auto& p : data::RunStore(store->database()).metrics(1))
                if (p.name == "loss" && p.step == 1) return p.value == first.second;
            return false;
        }, 10000));
        // Pause: the row says paused and the curve stops growing; resume: it grows again.
        panel.selectRun(1);
        QVERIFY(action("Pause")->isEnabled());
        action("Pause")->trigger();
        QVERIFY(waitForStatus(panel, 1, "paused"));
        // Every step line came before the "paused" line on the engine's stdout; then one coalesced replot.
        QVERIFY(QTest::qWaitFor([&] { return panel.launcher()->isPaused(1); }, 30000));
        QTest::qWait(600);
        const size_t pausedPoints = panel.curves()->shownSeries()["#1 SFT"].size();
        QTest::qWait(600);
        QCOMPARE(panel.curves()->shownSeries()["#1 SFT"].size(), pausedPoints);
        QVERIFY(action("Resume")->isEnabled());
        action("Resume")->trigger();
        QVERIFY(waitForStatus(panel, 1, "running"));
        QVERIFY(QTest::qWaitFor([&] { return panel.curves()->shownSeries()["#1 SFT"].size() > pausedPoints; }, 30000));
        // Stop: a checkpoint, then the run ends "stopped" and can be resumed from it.
        action("Stop")->trigger();
        const RunEntry* stopped = waitForStatus(panel, 1, "stopped");
        QVERIFY(stopped);
        QVERIFY(stopped->row.lastCheckpoint.has_value());
        QCOMPARE(stopped->checkpoints.back().step, stopped->row.lastStep);
        QVERIFY(QTest::qWaitFor([&] { return !panel.launcher()->isLive(1); }, 10000));
        panel.selectRun(1);
        QVERIFY(QTest::qWaitFor([&] { return action("Resume")->isEnabled(); }, 10000));

        // The queue: run 3 waits for run 2 and starts from its final checkpoint, as its child.
        dialog = panel.newRun("sft", QString::fromStdString(model_.string()));
        QVERIFY(QTest::qWaitFor([&] { return dialog->canStart(); }, 10000));
        typeTinySftSettings(dialog, "60");
        dialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return panel.launcher()->isLive(2); }, 60000));
        panel.launcher()->pause(2);  // so it cannot finish before the next run is queued after it
        QVERIFY(waitForStatus(panel, 2, "paused"));
        dialog = panel.newRun("sft", QString::fromStdString(model_.string()));
        QVERIFY(QTest::qWaitFor([&] { return dialog->canStart(); }, 10000));
        QComboBox* when = nullptr;
        for (QComboBox* c : dialog->findChildren<QComboBox*>())
            if (c->count() == 2 && c->itemText(1).startsWith("When #2 SFT")) when = c;
        QVERIFY(when);
        when->setCurrentIndex(1);
        typeTinySftSettings(dialog, "2");
        dialog->accept();
        QCOMPARE(panel.launcher()->queuedDescriptions(), QStringList{"SFT after #2"});
        panel.launcher()->resume(2);
        const RunEntry* queued = waitForStatus(panel, 3, "finished");
        QVERIFY(queued);
        QCOMPARE(queued->row.parentRunId.value_or(0), int64_t(2));
        const RunEntry* second = panel.model()->entry(2);
        QCOMPARE(queued->config.value("model", std::string()), second->row.lastCheckpoint.value_or("?"));
        QCOMPARE(panel.model()->indexOf(3).parent(), panel.model()->indexOf(2));
        QVERIFY(panel.launcher()->queuedDescriptions().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return panel.launcher()->liveCount() == 0; }, 30000));
    }

    // A GPT-2 and a Mamba pretrained by the engine, selected together: the Compare tab shows what each
    // checkpoint and the project say, and measures generation time per token at each context.
    void compareViewPutsAMambaNextToAGpt() {
        const auto made = test::makeTinySftProject(tmp_ / "compare");
        const QString project = QString::fromStdString(made.project.string());
        for (const QString architecture : {"gpt2", "mamba"}) {
            QProcess engine;
            QStringList args = {"train", "pretrain", project, "--set", "architecture=" + architecture};
            for (const char* set : {"n_layer=1", "n_embd=16", "n_head=2", "context=8", "batch_size=2", "max_steps=4",
                                    "vocab_size=260", "eval_every=2", "checkpoint_every=4", "warmup_steps=1"})
                args << "--set" << set;
            engine.start(RLHF_ENGINE, args);
            QVERIFY(engine.waitForFinished(120000));
            QVERIFY2(engine.exitCode() == 0, engine.readAllStandardError().constData());
        }
        // And a Llama fine-tuned on the project's demonstrations: the list names the architecture a run
        // trains, as the Compare tab does.
        QProcess llama;
        llama.start(RLHF_ENGINE, {"train", "sft", project, "--set", "model=" + QString::fromStdString(test::dataPath("tiny-llama/llama3-chat")),
                                  "--set", "max_steps=1", "--set", "batch_size=1"});
        QVERIFY(llama.waitForFinished(120000));
        QVERIFY2(llama.exitCode() == 0, llama.readAllStandardError().constData());
        RunsPanel panel;
        panel.resize(1300, 800);
        panel.show();
        panel.setProject(project);
        QVERIFY(QTest::qWaitFor([&] { panel.refresh(); return panel.model()->entry(3) != nullptr; }, 20000));
        QCOMPARE(panel.model()->data(panel.model()->indexOf(1)).toString(), QString("#1 Pretraining"));
        QCOMPARE(panel.model()->data(panel.model()->indexOf(2)).toString(), QString("#2 Pretraining · Mamba"));
        QCOMPARE(panel.model()->data(panel.model()->indexOf(3)).toString(), QString("#3 SFT · Llama"));
        auto* view = panel.findChild<QTreeView*>();
        view->selectionModel()->clearSelection();  // the panel selects the newest run, the Llama's
        view->selectionModel()->select(panel.model()->indexOf(1), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->selectionModel()->select(panel.model()->indexOf(2), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        auto* compare = panel.findChild<RunCompareView*>();
        QTableWidget* table = compare->table();
        auto rowOf = [&](int64_t id) {
            for (int row = 0; row < table->rowCount(); ++row)
                if (table->item(row, 0)->text() == QString("#%1 PRETRAIN").arg(id)) return row;
            return -1;
        };
        QVERIFY(QTest::qWaitFor([&] { return rowOf(2) >= 0 && table->item(rowOf(2), 1)->text().startsWith("Mamba"); }, 10000));
        QCOMPARE(table->item(rowOf(2), 1)->text(), QString("Mamba · 1 × 16 · state 16"));
        QCOMPARE(table->item(rowOf(1), 1)->text(), QString("GPT-2 · 1 × 16 · 2 heads"));
        // Parameters from each checkpoint's config.json; speed and losses from the project's metrics.
        auto store = data::ProjectStore::open(made.project.string(), false);
        for (int64_t id : {1, 2}) {
            const int row = rowOf(id);
            const auto checkpoint = panel.model()->entry(id)->row.lastCheckpoint.value();
            QCOMPARE(table->item(row, 2)->text().toStdString(), parameterText(model::modelShapeOf(checkpoint).parameters));
            std::vector<double> speeds;
            double loss = 0;
            for (const auto& p : data::RunStore(store->database()).metrics(id)) {
                if (p.name == "tokens_per_s") speeds.push_back(p.value);
                if (p.name == "loss") loss = p.value;
            }
            std::sort(speeds.begin(), speeds.end());
            QCOMPARE(table->item(row, 3)->text(), QLocale().toString(speeds[speeds.size() / 2], 'f', 0));
            QCOMPARE(table->item(row, 4)->text(), QLocale().toString(loss, 'f', 3));
        }
        // Measuring: both runs at 64, 256 and 1,024 tokens of context.
        compare->longestContext()->setCurrentIndex(0);
        QSignalSpy finished(compare, &RunCompareView::measuringFinished);
        compare->measureButton()->click();
        QVERIFY(finished.wait(120000));
        const auto timings = compare->shownTimings();
        QCOMPARE(timings.size(), size_t(2));
        for (const auto& [label, points] : timings) {
            QCOMPARE(points.size(), size_t(3));
            QCOMPARE(points.back().first, 1024.0);
            for (const auto& p : points) QVERIFY2(p.second > 0, qPrintable(label));
        }
        QVERIFY(table->item(rowOf(2), 6)->text().contains(QString::fromUtf8("→")));
        // Every legend entry is named: a run's line, and one entry for the points past a trained context.
        auto* plot = compare->findChild<QCustomPlot*>();
        QStringList names;
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i))) names << item->plottable()->name();
        QCOMPARE(names.size(), 3);
        QCOMPARE(names.filter(QStringLiteral("past the context it was trained on")).size(), 1);
    }

    // Import run: the dialog asks for what is missing, runs `import-run` in the engine, says a refusal in
    // place (staying open), and the imported run is selected in the list with its stage, name and curve.
    void importRunDialogBringsARunIn() {
        const fs::path dir = tmp_ / "imported";
        fs::create_directories(dir);
        for (const auto& e : fs::directory_iterator(model_))
            if (e.is_regular_file()) fs::copy_file(e.path(), dir / e.path().filename());
        fs::copy_file(test::dataPath("trainer-state/dpo-trainer_state.json"), dir / "trainer_state.json");
        RunsPanel panel;
        panel.setProject(QString::fromStdString(project_.string()));
        ImportRunDialog* dialog = panel.importRun();
        QCOMPARE(dialog->errorText(), QString("Choose the run's checkpoint directory."));
        dialog->setDirectory(QString::fromStdString((tmp_ / "no-such-run").string()));
        dialog->setCurves(ImportRunDialog::CurvesNone);
        QCOMPARE(dialog->errorText(), QString("Without curves, choose its stage."));
        dialog->setCurves(ImportRunDialog::CurvesFound);
        QCOMPARE(dialog->errorText(), QString());
        dialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return !dialog->importing(); }, 60000));
        QVERIFY2(dialog->errorText().startsWith("Not imported: ") && dialog->errorText().contains("no-such-run"),
                 qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());
        // A checkpoint without a log beside it: the refusal names the dialog's choices, not the engine's options.
        const fs::path logless = tmp_ / "logless";
        fs::create_directories(logless);
        for (const auto& e : fs::directory_iterator(model_))
            if (e.is_regular_file()) fs::copy_file(e.path(), logless / e.path().filename(), fs::copy_options::overwrite_existing);
        dialog->setDirectory(QString::fromStdString(logless.string()));
        dialog->accept();
        QVERIFY(QTest::qWaitFor([&] { return !dialog->importing(); }, 60000));
        QVERIFY2(dialog->errorText().endsWith("trainer_state.json: no such file (choose its trainer_state.json or TensorBoard folder "
                                              "under Curves, or None to import the checkpoint alone)"),
                 qPrintable(dialog->errorText()));
        dialog->setDirectory(QString::fromStdString(dir.string()));
        QCOMPARE(dialog->errorText(), QString());  // the error was about the form before
        dialog->setName("from the cluster");
        QSignalSpy imported(dialog, &ImportRunDialog::imported);
        dialog->accept();
        QVERIFY(imported.wait(60000));
        const qint64 id = imported.at(0).at(0).toLongLong();
        QVERIFY(imported.at(0).at(1).toString().startsWith(QString("Imported run #%1 (DPO, 2 logged step").arg(id)));
        QVERIFY(QTest::qWaitFor([&] { return panel.model()->entry(id) != nullptr; }, 10000));
        const RunEntry* e = panel.model()->entry(id);
        QCOMPARE(e->row.kind, std::string("dpo"));
        QCOMPARE(e->row.name, std::string("from the cluster"));
        QCOMPARE(panel.model()->data(panel.model()->indexOf(id)).toString(), QString("#%1 DPO — from the cluster").arg(id));
        QCOMPARE(e->headline.value_or(-1), 0.65);  // the log's last training loss
        auto* view = panel.findChild<QTreeView*>();
        QVERIFY(QTest::qWaitFor([&] {
            const auto rows = view->selectionModel()->selectedRows();
            return rows.size() == 1 && rows[0].data(RunListModel::RunIdRole).toLongLong() == id;
        }, 10000));
    }
};

QTEST_MAIN(RunsPanelTest)
#include "RunsPanelTest.moc"
