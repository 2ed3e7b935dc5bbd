// The workbench's file dialogs never open the files they list (widgets/common/FileDialogs.h: closing such
// a read dropped the window's SQLite locks on its project). inotify reports every open of the listed
// files while a dialog shows the folder; Qt's own dialog, the control, is seen opening them. And a file
// the user picks is refused when it belongs to a project open in the process (Database::refuseOpenFile).
#include <QtTest>

#include <QAbstractFileIconProvider>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>
#include <filesystem>

#include <fcntl.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "common/FileDialogs.h"
#include "data/Database.h"
#include "data/ProjectStore.h"

using namespace rlhf::widgets;
namespace fs = std::filesystem;

namespace {

// Watches files for opens (IN_OPEN) until destroyed.
class OpenWatch {
public:
    explicit OpenWatch(const QStringList& paths) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        for (const QString& p : paths) inotify_add_watch(fd_, QFile::encodeName(p).constData(), IN_OPEN);
    }
    ~OpenWatch() { ::close(fd_); }
    int opens() const {  // how many opens were reported since the last call
        int count = 0;
        alignas(inotify_event) char buffer[4096];
        for (ssize_t n; (n = ::read(fd_, buffer, sizeof buffer)) > 0;)
            for (char* p = buffer; p < buffer + n; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len) ++count;
        return count;
    }

private:
    int fd_;
};

// A folder like a project's: the database and its WAL files, whose names say nothing of their type, and
// a subfolder (what a directory chooser lists).
QStringList writeProjectLikeFiles(const QString& dir) {
    QStringList paths;
    if (!QDir(dir).mkdir(QStringLiteral("runs"))) return {};
    for (const char* name : {"class.rlhf", "class.rlhf-wal", "class.rlhf-shm"}) {
        QFile f(dir + QLatin1Char('/') + QLatin1String(name));
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\x01'));
        paths << f.fileName();
    }
    return paths;
}

// Waits until `dialog` has listed `dir` (its model gathers every entry, files too, before it filters
// them), asks the type of each row as the Type column does, and waits a little longer. Returns the rows.
int waitUntilListed(QFileDialog* dialog, const QString& dir, int rowsExpected) {
    auto* model = dialog->findChild<QFileSystemModel*>();
    if (!model) return 0;
    const QModelIndex folder = model->index(dir);
    if (!QTest::qWaitFor([&] { return model->rowCount(folder) >= rowsExpected; }, 10000)) return 0;
    QTest::qWait(500);
    for (int row = 0; row < model->rowCount(folder); ++row) model->type(model->index(row, 0, folder));
    QTest::qWait(300);
    return model->rowCount(folder);
}

}  // namespace

class FileDialogsTest : public QObject {
    Q_OBJECT

private slots:
    void qtsOwnDialogOpensTheFilesItLists() {  // the control: what the workbench's dialogs avoid
        QTemporaryDir dir;
        const QStringList paths = writeProjectLikeFiles(dir.path());
        QCOMPARE(paths.size(), 3);
        OpenWatch watch(paths);
        QFileDialog dialog(nullptr, QStringLiteral("Qt's own"), dir.path());
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        QCOMPARE(waitUntilListed(&dialog, dir.path(), 4), 4);
        QVERIFY2(watch.opens() > 0, "Qt's dialog no longer reads the files it lists: FileDialogs.h's reason is gone");
    }

    void theWorkbenchsDialogsNeverOpenThem() {
        QTemporaryDir dir;
        const QStringList paths = writeProjectLikeFiles(dir.path());
        QCOMPARE(paths.size(), 3);
        OpenWatch watch(paths);
        using Chooser = std::function<QString()>;
        const QString path = dir.path();
        // The last one is given the project itself as where to start: it is selected, never read.
        const Chooser choosers[] = {[&] { return chooseExistingDirectory(nullptr, QStringLiteral("folder"), path); },
                                    [&] { return chooseOpenFileName(nullptr, QStringLiteral("open"), path); },
                                    [&] { return chooseSaveFileName(nullptr, QStringLiteral("save"), path, QStringLiteral("Projects (*.rlhf)")); },
                                    [&] { return chooseSaveFileName(nullptr, QStringLiteral("save as"), path + QStringLiteral("/class.rlhf")); }};
        const int rowsListed[] = {1, 4, 2, 4};  // the subfolder only; everything; the subfolder and *.rlhf; everything
        for (int i = 0; i < 4; ++i) {
            int rows = -1;
            QString projectType;
            QTimer::singleShot(0, [&] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                if (!dialog) return;
                rows = waitUntilListed(dialog, path, rowsListed[i]);
                auto* model = dialog->findChild<QFileSystemModel*>();
                projectType = model->iconProvider()->type(QFileInfo(path + QStringLiteral("/class.rlhf")));
                dialog->reject();
            });
            QCOMPARE(choosers[i](), QString());  // cancelled
            QCOMPARE(rows, rowsListed[i]);
            QCOMPARE(projectType, QStringLiteral("rlhf file"));
            QCOMPARE(watch.opens(), 0);
        }
    }

    // A reader without the project at hand (the ELIZA column's "Load script…") asks whether a file belongs
    // to any project open in this process: while one is, its file and side files are refused; once every
    // connection to it has closed, the same path is an ordinary file.
    void filesOfOpenProjectsAreRefusedToAnyReader() {
        QTemporaryDir temporary;
        const fs::path dir = temporary.path().toStdString(), project = dir / "open.rlhf";
        const std::string other = (dir / "script.txt").string();
        {
            auto a = rlhf::data::ProjectStore::open(project.string(), true);
            auto b = rlhf::data::ProjectStore::open(project.string(), false);
            for (const std::string target : {project.string(), project.string() + "-shm", (project.parent_path() / "." / project.filename()).string()}) {
                try {
                    rlhf::data::Database::refuseOpenFile(target);
                    QFAIL(("read " + target).c_str());
                } catch (const rlhf::data::StoreError& e) {
                    QCOMPARE(std::string(e.what()), target + ": is an open project's file, not data to read (choose another file)");
                }
            }
            rlhf::data::Database::refuseOpenFile(other);
            b.reset();  // one connection closed, the other still holds the file
            QVERIFY_THROWS_EXCEPTION(rlhf::data::StoreError, rlhf::data::Database::refuseOpenFile(project.string()));
        }
        rlhf::data::Database::refuseOpenFile(project.string());
    }

    // The GUI's readers and writers of chosen files ask through refuseProjectFile, which says why in a
    // warning: the project's file is refused, another file is not.
    void refuseProjectFileWarnsAboutAnOpenProject() {
        QTemporaryDir temporary;
        const QString project = temporary.path() + QStringLiteral("/class.rlhf");
        auto store = rlhf::data::ProjectStore::open(project.toStdString(), true);
        QString warning;
        QTimer::singleShot(0, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                warning = box->text();
                box->accept();
            }
        });
        QVERIFY(refuseProjectFile(nullptr, QStringLiteral("Export curves"), project + QStringLiteral("-wal")));
        QCOMPARE(warning, project + QStringLiteral("-wal: is an open project's file, not data to read (choose another file)"));
        QVERIFY(!refuseProjectFile(nullptr, QStringLiteral("Export curves"), temporary.path() + QStringLiteral("/curves.png")));
    }
};

QTEST_MAIN(FileDialogsTest)
#include "FileDialogsTest.moc"
