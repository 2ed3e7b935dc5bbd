// Which project the application opens at start, and that MainWindow really creates a new one (a bug
// once passed `create` before it was computed, and a fresh install showed "no such project file").
#include <QtTest>

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "data/ProjectStore.h"
#include "data/Schema.h"
#include "demo/DemoProject.h"
#include "main/MainWindow.h"
#include "main/ProjectUpgrade.h"
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

    // First start: the demo project, generated off the UI thread, opened on the Pipeline board; the next
    // start opens it as the last project.
    void firstStartMakesTheDemoProjectThenReopensIt() {
        const StartupProject first = startupProject({});
        QCOMPARE(first.path, dataDir_ + QStringLiteral("/Demo.rlhf"));
        QVERIFY(first.create);
        QVERIFY(first.demo);
        {
            MainWindow window;
            QSignalSpy ready(&window, &MainWindow::demoProjectReady);
            window.openDemoProject(first.path);
            QVERIFY(ready.wait(120000));
            auto store = rlhf::data::ProjectStore::open(first.path.toStdString(), false);
            QVERIFY(rlhf::demo::demoSettings(store->database()).has_value());
            QCOMPARE(store->stats().demonstrations, int64_t(990));
        }
        const StartupProject second = startupProject({});  // the last project, now existing
        QCOMPARE(second.path, first.path);
        QVERIFY(!second.create);
        QVERIFY(!second.demo);
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

    // A file of schema version 1 is migrated on a worker thread before the window opens it; what it
    // held is still there and found by search, and the file is at the current version afterwards.
    void oldProjectIsUpgradedBeforeOpening() {
        const QString path = dataDir_ + QStringLiteral("/old.rlhf");
        {
            rlhf::data::Database db(path.toStdString(), true);
            rlhf::data::migrate(db, 1);
            db.exec("INSERT INTO prompts(id, text, hash, created_at) VALUES (1, 'an old zebra', 1, 0)");
            db.exec("INSERT INTO prompts_fts(rowid, text) VALUES (1, 'an old zebra')");
        }
        QVERIFY(rlhf::data::ProjectStore::needsMigration(path.toStdString()));
        MainWindow window;
        QVERIFY(window.openProject(path, false));
        QVERIFY(!rlhf::data::ProjectStore::needsMigration(path.toStdString()));
        auto store = rlhf::data::ProjectStore::open(path.toStdString(), false);
        QCOMPARE(store->stats().schemaVersion, rlhf::data::currentSchemaVersion());
        QCOMPARE(store->database().queryInt("SELECT rowid FROM prompts_fts WHERE prompts_fts MATCH 'zebra'"), int64_t(1));
        // A file whose migration fails: the worker's error comes back (openProject shows it), the file is unchanged.
        const QString broken = dataDir_ + QStringLiteral("/broken.rlhf");
        { rlhf::data::Database(broken.toStdString(), true).exec("CREATE TABLE prompts(y); PRAGMA user_version = 1"); }
        QVERIFY(rlhf::data::ProjectStore::needsMigration(broken.toStdString()));
        QString error;
        QVERIFY(!upgradeProjectFile(&window, broken, &error));
        QVERIFY2(error.startsWith(broken + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(rlhf::data::ProjectStore::needsMigration(broken.toStdString()));
    }
};

QTEST_MAIN(StartupProjectTest)
#include "StartupProjectTest.moc"
