#include "main/MainWindow.h"

#include <QApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QCloseEvent>
#include <QFileInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

#include "chat/ChatPanel.h"
#include "common/EngineVersion.h"
#include "common/FileDialogs.h"
#include "common/OffThread.h"
#include "common/ProjectTask.h"
#include "data/LabellingPackage.h"
#include "data/ProjectStore.h"
#include "dataset/DatasetPanel.h"
#include "demo/DemoProject.h"
#include "main/AppSettings.h"
#include "main/PresentationZoom.h"
#include "main/ProjectUpgrade.h"
#include "main/StartupProject.h"
#include "pipeline/PipelinePanel.h"
#include "ranking/RankingPanel.h"
#include "runs/RunsPanel.h"
#include "util/Versions.h"

namespace rlhf::widgets {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("RLHF Workbench"));
    navigation_ = new QListWidget(this);
    panels_ = new QStackedWidget(this);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(navigation_);
    splitter->addWidget(panels_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1030});
    setCentralWidget(splitter);

    auto showStatus = [this](const QString& m) { statusBar()->showMessage(m, 8000); };
    dataset_ = new DatasetPanel(this);
    connect(dataset_, &DatasetPanel::statusMessage, this, showStatus);
    addPanel(dataset_, tr("Dataset"), QStringLiteral("dataset"));
    ranking_ = new RankingPanel(this);
    connect(ranking_, &RankingPanel::statusMessage, this, showStatus);
    addPanel(ranking_, tr("Ranking"), QStringLiteral("ranking"));
    runs_ = new RunsPanel(this);
    connect(runs_, &RunsPanel::statusMessage, this, showStatus);
    connect(runs_, &RunsPanel::panelRequested, this, &MainWindow::showPanel);
    connect(runs_, &RunsPanel::showPromptRequested, this, [this](qint64 promptId) {
        showPanel(QStringLiteral("dataset"));
        dataset_->showPrompt(promptId);
    });
    addPanel(runs_, tr("Runs"), QStringLiteral("runs"));
    pipeline_ = new PipelinePanel(runs_, this);
    connect(pipeline_, &PipelinePanel::statusMessage, this, showStatus);
    connect(pipeline_, &PipelinePanel::panelRequested, this, &MainWindow::showPanel);
    addPanel(pipeline_, tr("Pipeline"), QStringLiteral("pipeline"));
    chat_ = new ChatPanel(this);
    connect(chat_, &ChatPanel::statusMessage, this, showStatus);
    addPanel(chat_, tr("Chat — ELIZA vs GPT"), QStringLiteral("chat"));

    connect(navigation_, &QListWidget::currentRowChanged, panels_, &QStackedWidget::setCurrentIndex);
    navigation_->setCurrentRow(0);
    zoom_ = new PresentationZoom(this);
    connect(zoom_, &PresentationZoom::changed, this, [this, showStatus](int percent) {
        fitNavigationWidth();
        showStatus(tr("Zoom %1 %").arg(percent));
    });
    fitNavigationWidth();
    createMenus();
    // First start: most of the screen (the panels are wide tables and side-by-side texts); later, as left.
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        resize(available.width() * 9 / 10, available.height() * 9 / 10);
    }
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
}

MainWindow::~MainWindow() = default;

// The panel list as wide as its longest name at the application's font ("Chat — ELIZA vs GPT" whole),
// which a zoom has just set (the list itself learns of it later, by an event).
void MainWindow::fitNavigationWidth() {
    const QFontMetrics metrics(QApplication::font());
    int widest = 0;
    for (int row = 0; row < navigation_->count(); ++row) widest = std::max(widest, metrics.horizontalAdvance(navigation_->item(row)->text()));
    navigation_->setMinimumWidth(std::max(160, widest + 2 * navigation_->frameWidth() + 24));
}

void MainWindow::addPanel(QWidget* panel, const QString& title, const QString& name) {
    panels_->addWidget(panel);
    navigation_->addItem(title);
    panelKeys_ << name;
}

const QStringList& MainWindow::panelNames() {
    static const QStringList names = {"dataset", "ranking", "runs", "chat", "pipeline"};
    return names;
}

bool MainWindow::showPanel(const QString& asked) {
    const QString name = labellingOnly_ ? QStringLiteral("ranking") : asked;  // a package shows nothing else
    const int row = static_cast<int>(panelKeys_.indexOf(name));
    if (row < 0) {
        statusBar()->showMessage(tr("There is no %1 panel yet; showing %2.").arg(name, navigation_->currentItem()->text()), 10000);
        return false;
    }
    navigation_->setCurrentRow(row);
    return true;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project…"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    file->addAction(tr("Open the &Demo Project"), this, [this] { openDemoProject(demoProjectPath()); });
    file->addSeparator();
    file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), dataset_, [this] { dataset_->importFile(); });
    file->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+E")), dataset_, [this] { dataset_->exportFile(); });
    file->addAction(tr("&Merge Labelling Package…"), this, &MainWindow::mergePackage);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = dataset_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = dataset_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    zoom_->addActions(view);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RLHF Workbench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

bool MainWindow::openProject(const QString& path, bool create) {
    if (project_ && !runs_->confirmClose()) return false;  // runs of the open project stop (checkpointed) first
    QString upgradeError;
    if (!create && !upgradeProjectFile(this, path, &upgradeError)) {
        QMessageBox::warning(this, tr("Open project"), upgradeError);
        return false;
    }
    try {
        project_ = std::shared_ptr<data::ProjectStore>(data::ProjectStore::open(path.toStdString(), create));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Open project"), QString::fromStdString(e.what()));
        return false;
    }
    dataset_->setProject(project_);
    ranking_->setProject(project_);
    chat_->setProject(project_);
    runs_->setProject(path);
    pipeline_->setProject(path);
    showLabellingOnly(!data::packageLabellerOf(project_->database()).empty());
    setWindowTitle(tr("%1 — RLHF Workbench").arg(QFileInfo(path).fileName()));
    QStringList recent = AppSettings::recentProjects();
    recent.removeAll(path);
    recent.prepend(path);
    AppSettings::setRecentProjects(recent.mid(0, 10));
    AppSettings::setLastProject(path);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    for (const QString& path : AppSettings::recentProjects())
        recentMenu_->addAction(path, this, [this, path] { openProject(path, false); });
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::newProject() {
    QString path = chooseSaveFileName(this, tr("New project"), QString(), tr("RLHF projects (*.rlhf)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".rlhf"))) path += QStringLiteral(".rlhf");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New project"), tr("%1 already exists; use Open Project.").arg(path));
        return;
    }
    openProject(path, true);
}

void MainWindow::openDemoProject(const QString& path) {
    if (QFileInfo::exists(path)) {
        if (openProject(path, false)) showPanel(QStringLiteral("pipeline"));
        return;
    }
    if (makingDemo_) return;  // one build at a time: its progress dialog says so
    makingDemo_ = true;
    auto* progress = new QProgressDialog(tr("Making the demo project from generated data…"), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setWindowTitle(tr("Demo project"));
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->show();
    runOffThread<QString>(
        this,
        [file = path.toStdString()] {
            try {
                demo::createDemoProject(file);
                return QString();
            } catch (const std::exception& e) {
                return QString::fromStdString(e.what());
            }
        },
        [this, path, progress](QString& error) {
            makingDemo_ = false;
            progress->close();
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Demo project"), error);
                return;
            }
            if (openProject(path, false)) showPanel(QStringLiteral("pipeline"));
            emit demoProjectReady(path);
        });
}

// A labelling package (docs/labelling.md) opens on the Ranking panel alone: its labeller labels, nothing else.
void MainWindow::showLabellingOnly(bool only) {
    labellingOnly_ = only;
    for (int row = 0; row < navigation_->count(); ++row) navigation_->item(row)->setHidden(only && panelKeys_[row] != QStringLiteral("ranking"));
    if (only) {
        showPanel(QStringLiteral("ranking"));
        statusBar()->showMessage(tr("A labelling package: rank its items, then send the file back to be merged."), 15000);
    }
}

void MainWindow::mergePackage() {
    if (!project_) return;
    const QString path = chooseOpenFileName(this, tr("Merge a labelling package"), QString(), tr("Labelling packages (*.rlhfpkg)"));
    if (path.isEmpty()) return;
    ProjectTask* task = ProjectTask::start(QString::fromStdString(project_->path()), [path](data::ProjectStore& store, const auto&, const auto&) {
        const auto r = data::mergePackage(store.database(), path.toStdString());
        return tr("Merged %1: %2 new judgements, %3 duplicates, %4 conflicts (the later judgement counts).")
            .arg(path).arg(r.judgements).arg(r.duplicates).arg(r.conflicts.size());
    });
    connect(task, &ProjectTask::finished, this, [this](const QString& summary) {
        QMessageBox::information(this, tr("Merge a labelling package"), summary);
        ranking_->setProject(project_);
    });
    connect(task, &ProjectTask::failed, this, [this](const QString& message) { QMessageBox::warning(this, tr("Merge a labelling package"), message); });
}

void MainWindow::chooseProject() {
    const QString path = chooseOpenFileName(this, tr("Open project"), QString(), tr("RLHF projects and labelling packages (*.rlhf *.rlhfpkg)"));
    if (!path.isEmpty()) openProject(path, false);
}

void MainWindow::saveCopy() {
    if (!project_) return;
    const QString path = chooseSaveFileName(this, tr("Save a copy"), QString(), tr("RLHF projects (*.rlhf)"));
    if (path.isEmpty()) return;
    try {
        project_->saveCopy(path.toStdString());
        statusBar()->showMessage(tr("Copy saved to %1").arg(path), 5000);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Save a copy"), QString::fromStdString(e.what()));
    }
}

// Shown at once; the LibTorch line fills in when rlhf-engine has answered (the GUI does not link LibTorch).
void MainWindow::showAbout() {
    const QString text = tr("<h3>RLHF Workbench %1</h3><p>The InstructGPT recipe on one machine, with ELIZA (1966) "
                            "alongside.</p><p>Qt %2 · SQLite %3<br>%4</p><p>ELIZA scripts: DOCTOR from J. Weizenbaum, "
                            "CACM 9(1), 1966, and the 1965 .TAPE. 100 listing, transcribed by Anthony Hay (CC0).</p>")
                             .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                  QString::fromStdString(sqliteVersion()));
    auto* box = new QMessageBox(QMessageBox::Information, tr("About RLHF Workbench"), text.arg(tr("LibTorch: asking rlhf-engine…")),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    askEngineVersion(box, [box, text](const QString& line) { box->setText(text.arg(line.toHtmlEscaped())); });  // box: the context
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!runs_->confirmClose()) {
        event->ignore();
        return;
    }
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    event->accept();
}

}  // namespace rlhf::widgets
