// The Dataset panel driven offscreen: lazy rows, search, edit + undo, delete + undo, import on a worker.
#include <QtTest>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>

#include <filesystem>
#include <fstream>

#include <qcustomplot.h>

#include "data/DatasetQueries.h"
#include "common/ProjectTask.h"
#include "common/TwoPartRow.h"
#include "data/ProjectStore.h"
#include "dataset/DatasetPanel.h"
#include "dataset/NearDuplicatesDialog.h"
#include "dataset/PromptDetailView.h"
#include "dataset/PromptTableModel.h"
#include "dataset/StatisticsDialog.h"

using namespace rlhf;
namespace fs = std::filesystem;

class DatasetPanelTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    std::shared_ptr<data::ProjectStore> store_;

    int64_t count(const std::string& search) {
        data::PromptFilter f;
        f.search = search;
        return data::DatasetQueries(store_->database()).count(f);
    }

private slots:
    void init() {
        tmp_ = fs::temp_directory_path() / ("rlhf-panel-" + std::to_string(::getpid()));
        fs::remove_all(tmp_);
        fs::create_directories(tmp_);
        std::ofstream lines(tmp_ / "many.jsonl");
        for (int i = 0; i < 1200; ++i)
            lines << "{\"prompt\": \"question number " << i << (i % 100 == 0 ? " zebra" : "") << "\", \"completion\": \"answer\"}\n";
        lines.close();
        store_ = data::ProjectStore::open((tmp_ / "p.rlhf").string(), true);
        store_->importFile((tmp_ / "many.jsonl").string(), {});
    }
    void cleanup() {
        store_.reset();
        fs::remove_all(tmp_);
    }

    // The filters and the buttons share a line in a wide window; in a narrow one (a 1024-pixel projector
    // less the panel list) the buttons go under the filters, and the panel needs no more than that width.
    void theFilterBarWrapsInANarrowWindow() {
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        panel.show();
        auto* bar = panel.findChild<widgets::TwoPartRow*>();
        QVERIFY(bar);
        panel.resize(1400, 700);
        QTRY_VERIFY(bar->isOneLine() && bar->height() == bar->sizeHint().height());  // laid out anew
        const int oneLineHeight = bar->height();
        QVERIFY2(panel.minimumSizeHint().width() <= 800, qPrintable(QString::number(panel.minimumSizeHint().width())));
        panel.resize(800, 700);
        QTRY_VERIFY(!bar->isOneLine() && bar->height() == bar->sizeHint().height());
        QVERIFY(bar->height() > oneLineHeight);
        for (auto* button : bar->findChildren<QPushButton*>())
            QVERIFY2(bar->rect().contains(button->geometry()), qPrintable(button->text()));
        // Contents that grow or shrink without the row being resized rearrange it too.
        panel.resize(1400, 700);
        QTRY_VERIFY(bar->isOneLine());
        auto* search = bar->findChild<QLineEdit*>();
        search->setMinimumWidth(1100);
        QTRY_VERIFY(!bar->isOneLine());
        search->setMinimumWidth(150);
        QTRY_VERIFY(bar->isOneLine());
    }

    void lazyRowsAndModelContract() {
        widgets::DatasetPanel panel;
        widgets::PromptTableModel* model = panel.model();
        panel.setProject(store_);
        QCOMPARE(model->totalCount(), -1);  // queries run on a worker thread: nothing is known yet
        QCOMPARE(model->rowCount(), 0);
        QTRY_COMPARE(model->rowCount(), 500);  // the first page only
        QTRY_COMPARE(model->totalCount(), 1200);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        model->fetchMore({});  // one page at a time: ignored while the first is on its way
        QTRY_COMPARE(model->rowCount(), 1000);
        model->fetchMore({});
        QTRY_COMPARE(model->rowCount(), 1200);
        QTRY_VERIFY(!model->canFetchMore({}));
        QCOMPARE(model->promptId(1199), 1200);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        data::PromptFilter zebra, none;
        zebra.search = "zebra";
        none.search = "nowhere";
        model->setFilter(none);
        model->setFilter(zebra);  // the first filter's results, if any arrive, are dropped
        QTRY_COMPARE(model->totalCount(), 12);
        QCOMPARE(model->rowCount(), 12);
        QCOMPARE(model->promptId(1), 101);
    }

    void searchEditUndoDeleteUndo() {
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        panel.show();
        auto* search = panel.findChild<QLineEdit*>("datasetSearch");
        QTest::keyClicks(search, "zebra");
        QTRY_COMPARE(panel.model()->totalCount(), 12);
        QTRY_COMPARE(panel.model()->rowCount(), 12);
        auto* table = panel.findChild<QTableView*>();
        auto* hint = table->viewport()->findChild<QLabel*>();
        QVERIFY(hint && !hint->isVisible());  // rows: no hint over the table
        QTest::keyClicks(search, " nowhere");
        QTRY_VERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QString("No prompt matches the search and filters."));
        for (int i = 0; i < 8; ++i) QTest::keyClick(search, Qt::Key_Backspace);
        QTRY_COMPARE(panel.model()->rowCount(), 12);
        QVERIFY(!hint->isVisible());
        table->setFocus();
        table->setCurrentIndex(panel.model()->index(0, widgets::PromptTableModel::PromptColumn));
        const int64_t id = panel.model()->promptId(0);
        auto* editor = panel.findChild<QPlainTextEdit*>();
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(editor, " giraffe");
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(count("giraffe"), 1);  // committed to the project file
        panel.undoStack()->undo();
        QCOMPARE(count("giraffe"), 0);
        QTRY_COMPARE(panel.model()->rowCount(), 12);  // reloaded after the edit
        QTRY_COMPARE(panel.model()->promptId(table->currentIndex().row()), id);  // and selected again
        table->setFocus();
        table->setCurrentIndex(panel.model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(count("zebra"), 11);
        QVERIFY(!data::DatasetQueries(store_->database()).detail(id));
        panel.undoStack()->undo();
        QCOMPARE(count("zebra"), 12);
        QVERIFY(data::DatasetQueries(store_->database()).detail(id));
    }

    void demonstrationsAddedAndEditedWithUndo() {
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        auto* table = panel.findChild<QTableView*>();
        QTRY_COMPARE(panel.model()->rowCount(), 500);
        table->setCurrentIndex(panel.model()->index(0, 0));
        auto* detail = panel.findChild<widgets::PromptDetailView*>();
        const int64_t prompt = detail->promptId();
        detail->addDemonstration("a careful demonstration");
        data::DatasetQueries q(store_->database());
        QCOMPARE(q.detail(prompt)->responses.size(), size_t(2));
        const int64_t added = q.detail(prompt)->responses.back().id;
        detail->editResponse(added, "an even better demonstration");
        QCOMPARE(q.detail(prompt)->responses.back().text, std::string("an even better demonstration"));
        panel.undoStack()->undo();
        QCOMPARE(q.detail(prompt)->responses.back().text, std::string("a careful demonstration"));
        panel.undoStack()->undo();
        QCOMPARE(q.detail(prompt)->responses.size(), size_t(1));
        data::PromptFilter f;
        f.source = (tmp_ / "many.jsonl").string();
        QCOMPARE(q.count(f), int64_t(1200));
    }

    void importRunsOnAWorker() {
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        std::ofstream(tmp_ / "more.jsonl") << "{\"prompt\": \"brand new prompt\", \"completion\": \"ok\"}\n";
        QSignalSpy finished(&panel, &widgets::DatasetPanel::importFinished);
        panel.importFile(QString::fromStdString((tmp_ / "more.jsonl").string()));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toString().startsWith("Imported 1 record(s) as sft (pairs: 0, demonstrations: 1, new prompts: 1)"));
        QTRY_COMPARE(panel.model()->totalCount(), 1201);
    }

    // A task whose work is instant still reaches connections made after start() returned: its thread
    // starts from the event loop (it used to finish first now and then, signalling nobody).
    void taskSignalsReachConnectionsMadeAfterStart() {
        auto* task = widgets::ProjectTask::start(QString::fromStdString(store_->path()),
                                                 [](data::ProjectStore&, const auto&, const auto&) { return QString("done"); });
        QThread::msleep(200);  // long enough for a thread started at once to have finished
        QSignalSpy finished(task, &widgets::ProjectTask::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toString(), QString("done"));
    }

    // The dialog opens at once and fills in from worker threads: counts, two character histograms and
    // the split chart (no tokenizer in this project: a note instead of token histograms).
    void statisticsFillInFromWorkers() {
        widgets::StatisticsDialog dialog(QString::fromStdString(store_->path()));
        QCOMPARE(dialog.findChildren<QCustomPlot*>().size(), 0);
        QTRY_COMPARE(dialog.findChildren<QCustomPlot*>().size(), 3);
        bool counted = false;
        for (auto* label : dialog.findChildren<QLabel*>())
            counted |= label->text().startsWith(QLocale().toString(1200) + " prompts · " + QLocale().toString(1200) + " responses (" + QLocale().toString(1200) + " demonstrations)");
        QVERIFY(counted);
        auto labelTexts = [&] {
            QStringList texts;
            for (auto* label : dialog.findChildren<QLabel*>()) texts << label->text();
            return texts.join(" | ");
        };
        QTRY_VERIFY2(labelTexts().contains("once the project has a trained model"), qPrintable("labels: " + labelTexts()));
    }

    // A prompt typed in: committed and shown at once (selected, in the detail view); undo removes it,
    // redo puts it back with the same id.
    void newPromptIsAddedShownAndUndoable() {
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        QTRY_COMPARE(panel.model()->totalCount(), 1200);
        panel.newPrompt("How does a reward model learn from rankings?");
        QCOMPARE(count("reward model learn"), 1);  // durable before the panel shows it
        const int64_t id = panel.findChild<widgets::PromptDetailView*>()->promptId();
        QVERIFY(id > 1200);
        QTRY_COMPARE(panel.model()->totalCount(), 1201);
        panel.undoStack()->undo();
        QCOMPARE(count("reward model learn"), 0);
        QTRY_COMPARE(panel.model()->totalCount(), 1200);
        panel.undoStack()->redo();
        QCOMPARE(count("reward model learn"), 1);
        QCOMPARE(panel.findChild<widgets::PromptDetailView*>()->promptId(), id);
    }

    void nearDuplicatesListedAndShown() {
        for (int i = 0; i < 2; ++i)
            std::ofstream(tmp_ / "dup.jsonl", std::ios::app)
                << "{\"prompt\": \"Explain in simple words how a reward model is trained from human rankings of answers"
                << (i ? " please" : "") << "\", \"completion\": \"x\"}\n";
        store_->importFile((tmp_ / "dup.jsonl").string(), {});
        widgets::DatasetPanel panel;
        panel.setProject(store_);
        widgets::NearDuplicatesDialog dialog(QString::fromStdString(store_->path()), 0.8);
        QSignalSpy done(&dialog, &widgets::NearDuplicatesDialog::searched);
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 1);
        panel.showPrompt(1201);  // past the first page: shown at once, selected once its page has loaded
        QCOMPARE(panel.findChild<widgets::PromptDetailView*>()->promptId(), 1201);
        QTRY_COMPARE(panel.model()->promptId(panel.findChild<QTableView*>()->currentIndex().row()), 1201);
        QCOMPARE(panel.findChild<widgets::PromptDetailView*>()->promptId(), 1201);

        // Keep one, delete the others: one undoable step in the panel; then the search runs again.
        connect(&dialog, &widgets::NearDuplicatesDialog::deleteRequested, &panel, &widgets::DatasetPanel::deletePrompts);
        dialog.selectPrompt(1201);
        done.clear();
        dialog.keepSelectedDeleteOthers();
        QCOMPARE(count("human rankings"), 1);
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 0);
        panel.undoStack()->undo();
        QCOMPARE(count("human rankings"), 2);
        // Merge the others into the kept prompt: its demonstrations move with it; undo separates them.
        connect(&dialog, &widgets::NearDuplicatesDialog::mergeRequested, &panel, &widgets::DatasetPanel::mergePrompts);
        done.clear();
        dialog.search(0.8);
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 1);
        dialog.selectPrompt(1201);
        done.clear();
        dialog.mergeOthersIntoSelected();
        QCOMPARE(count("human rankings"), 1);
        QCOMPARE(data::DatasetQueries(store_->database()).detail(1201)->responses.size(), size_t(2));
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 0);
        panel.undoStack()->undo();
        QCOMPARE(count("human rankings"), 2);
        QCOMPARE(data::DatasetQueries(store_->database()).detail(1201)->responses.size(), size_t(1));
        // A stricter threshold: the two prompts differ by a word, so no cluster at 0.99.
        done.clear();
        dialog.search(0.99);
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 0);
        done.clear();
        dialog.search(0.8);
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 1);
    }
};

QTEST_MAIN(DatasetPanelTest)
#include "DatasetPanelTest.moc"
