#include "main/MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "chat/ElizaChatPanel.h"
#include "main/AppSettings.h"
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
    splitter->setSizes({190, 910});
    setCentralWidget(splitter);

    auto* chat = new ElizaChatPanel(this);
    connect(chat, &ElizaChatPanel::statusMessage, statusBar(), [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    addPanel(chat, tr("Chat — ELIZA (1966)"));

    connect(navigation_, &QListWidget::currentRowChanged, panels_, &QStackedWidget::setCurrentIndex);
    navigation_->setCurrentRow(0);
    createMenus();
    resize(1100, 700);
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    panels_->currentWidget()->setFocus();
}

void MainWindow::addPanel(QWidget* panel, const QString& name) {
    panels_->addWidget(panel);
    navigation_->addItem(name);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RLHF Workbench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About RLHF Workbench"),
                       tr("<h3>RLHF Workbench %1</h3><p>The InstructGPT recipe on one machine, with ELIZA (1966) "
                          "alongside.</p><p>Qt %2 · LibTorch %3</p><p>ELIZA scripts: DOCTOR from J. Weizenbaum, "
                          "CACM 9(1), 1966, and the 1965 .TAPE. 100 listing, transcribed by Anthony Hay (CC0).</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                QString::fromStdString(libtorchVersion())));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setWindowState(saveState());
    event->accept();
}

}  // namespace rlhf::widgets
