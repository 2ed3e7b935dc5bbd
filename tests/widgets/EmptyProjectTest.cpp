// Every panel and dialog on a new, empty project: shown and painted without a crash, with the empty state
// said in words (Statistics… took std::max_element of an empty vector and crashed here).
#include <QtTest>

#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>

#include <filesystem>

#include <qcustomplot.h>

#include "data/ProjectStore.h"
#include "dataset/DatasetPanel.h"
#include "dataset/NearDuplicatesDialog.h"
#include "dataset/StatisticsDialog.h"
#include "main/MainWindow.h"

using namespace rlhf;
namespace fs = std::filesystem;

class EmptyProjectTest : public QObject {
    Q_OBJECT
    fs::path tmp_;
    QString path_;

    static QStringList labelTexts(const QWidget& w) {
        QStringList texts;
        for (auto* label : w.findChildren<QLabel*>()) texts << label->text();
        return texts;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        tmp_ = fs::temp_directory_path() / ("rlhf-empty-" + std::to_string(::getpid()));
        fs::remove_all(tmp_);
        fs::create_directories(tmp_);
        path_ = QString::fromStdString((tmp_ / "empty.rlhf").string());
        data::ProjectStore::open(path_.toStdString(), true);
    }
    void cleanupTestCase() { fs::remove_all(tmp_); }

    void everyPanelShowsAndPaints() {
        widgets::MainWindow window;
        QVERIFY(window.openProject(path_, false));
        window.show();
        auto* navigation = window.findChild<QListWidget*>();
        auto* panels = window.findChild<QStackedWidget*>();
        QVERIFY(navigation->count() >= 2);
        for (int row = 0; row < navigation->count(); ++row) {
            navigation->setCurrentRow(row);
            QCOMPARE(panels->currentIndex(), row);
            QVERIFY(!panels->currentWidget()->grab().isNull());
        }
        QTRY_VERIFY2(labelTexts(*window.datasetPanel()).join("|").contains("No prompts yet"),
                     qPrintable(labelTexts(*window.datasetPanel()).join("|")));
    }

    // The split chart shows the three splits at 0; the histograms say there is nothing to count.
    void statisticsOfAnEmptyProject() {
        widgets::StatisticsDialog dialog(path_);
        dialog.show();
        QTRY_COMPARE(dialog.findChildren<QCustomPlot*>().size(), 3);
        QTRY_VERIFY(labelTexts(dialog).join("|").contains("once the project has a trained model"));
        QVERIFY(labelTexts(dialog).join("|").contains("0 prompts · 0 responses (0 demonstrations) · 0 comparisons"));
        int emptyNotes = 0, splitBars = 0;
        for (auto* plot : dialog.findChildren<QCustomPlot*>()) {
            QVERIFY(!plot->grab().isNull());
            for (int i = 0; i < plot->itemCount(); ++i)
                if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)); text && text->text() == "Nothing to count yet") ++emptyNotes;
            for (int i = 0; i < plot->plottableCount(); ++i)
                if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)); bars && bars->data()->size() == 3) {
                    ++splitBars;
                    for (const auto& bar : *bars->data()) QCOMPARE(bar.value, 0.0);
                }
        }
        QCOMPARE(emptyNotes, 2);
        QCOMPARE(splitBars, 1);
    }

    void nearDuplicatesOfAnEmptyProject() {
        widgets::NearDuplicatesDialog dialog(path_, 0.8);
        QSignalSpy done(&dialog, &widgets::NearDuplicatesDialog::searched);
        dialog.show();
        QVERIFY(done.wait(10000));
        QCOMPARE(dialog.clusterCount(), 0);
        QVERIFY(!dialog.grab().isNull());
    }
};

QTEST_MAIN(EmptyProjectTest)
#include "EmptyProjectTest.moc"
