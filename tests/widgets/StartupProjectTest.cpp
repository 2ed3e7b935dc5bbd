// Which project the application opens at start, and that MainWindow really creates a new one (a bug
// once passed `create` before it was computed, and a fresh install showed "no such project file").
#include <QtTest>

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "main/MainWindow.h"
#include "main/StartupProject.h"

using namespace rlhf::widgets;

class StartupProjectTest : public QObject {
    Q_OBJECT
    QString dataDir_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // settings and data under ~/.qttest
        QCoreApplication::setOrganizationName(QStringLiteral("RLHF Workbench test"));
        QCoreApplication::setApplicationName(QStringLiteral("StartupProjectTest"));
        QSettings().clear();
        dataDir_ = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/RLHF Workbench");
        QDir(dataDir_).removeRecursively();
    }
    void cleanupTestCase() {
        QSettings().clear();
        QDir(dataDir_).removeRecursively();
    }

    void firstStartCreatesUntitledThenReopensIt() {
        const StartupProject first = startupProject({});
        QCOMPARE(first.path, dataDir_ + QStringLiteral("/Untitled.rlhf"));
        QVERIFY(first.create);
        {
            MainWindow window;
            QVERIFY(window.openProject(first.path, first.create));
        }
        QVERIFY(QFileInfo::exists(first.path));
        const StartupProject second = startupProject({});  // the last project, now existing
        QCOMPARE(second.path, first.path);
        QVERIFY(!second.create);
    }

    void namedProjectIsCreatedWhenMissing() {
        const QString path = dataDir_ + QStringLiteral("/named.rlhf");
        const StartupProject named = startupProject({path});
        QCOMPARE(named.path, path);
        QVERIFY(named.create);
        MainWindow window;
        QVERIFY(window.openProject(named.path, named.create));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!startupProject({path}).create);
    }
};

QTEST_MAIN(StartupProjectTest)
#include "StartupProjectTest.moc"
