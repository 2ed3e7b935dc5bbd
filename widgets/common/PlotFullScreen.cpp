#include "common/PlotFullScreen.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QPointer>
#include <QScreen>
#include <QSplitter>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace rlhf::widgets {

namespace {

// Swaps `from` for `to` where `from` sits: a splitter's slot or a layout's item (any kind, nested too).
bool replaceInPlace(QWidget* from, QWidget* to) {
    QWidget* parent = from->parentWidget();
    if (auto* splitter = qobject_cast<QSplitter*>(parent)) {
        const int index = splitter->indexOf(from);
        if (index < 0) return false;
        const QList<int> sizes = splitter->sizes();
        splitter->replaceWidget(index, to);
        splitter->setSizes(sizes);
        return true;
    }
    if (!parent || !parent->layout()) return false;
    QLayoutItem* item = parent->layout()->replaceWidget(from, to);
    delete item;
    return item != nullptr;
}

// The window a plot is shown in while full screen; a note holds its place and gives it back on closing.
class FullScreenWindow : public QWidget {
public:
    // A window of the plot's window, so a modal dialog that holds the plot lets it take input.
    FullScreenWindow(QCustomPlot* plot, QWidget* placeholder)
        : QWidget(placeholder->window(), Qt::Window), plot_(plot), placeholder_(placeholder) {
        setAttribute(Qt::WA_DeleteOnClose);
        setWindowTitle(placeholder->window()->windowTitle());
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(plot);
        plot->setFocus();
    }
    ~FullScreenWindow() override {
        if (!plot_ || !placeholder_) return;
        QWidget* home = placeholder_->parentWidget();
        plot_->setParent(home);
        if (replaceInPlace(placeholder_, plot_)) placeholder_->deleteLater();
        plot_->show();
    }

protected:
    void keyPressEvent(QKeyEvent* event) override {
        if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F11) close();
        else QWidget::keyPressEvent(event);
    }

private:
    QPointer<QCustomPlot> plot_;
    QPointer<QWidget> placeholder_;
};

void showFullScreen(QCustomPlot* plot) {
    if (!plot->parentWidget()) return;
    auto* placeholder = new QLabel(QObject::tr("This plot is shown full screen (Esc brings it back)."), plot->parentWidget());
    placeholder->setAlignment(Qt::AlignCenter);
    if (!replaceInPlace(plot, placeholder)) {
        delete placeholder;
        return;
    }
    QScreen* screen = placeholder->screen();
    auto* window = new FullScreenWindow(plot, placeholder);
    if (screen) window->setGeometry(screen->geometry());  // the whole screen even where no window manager obliges
    window->showFullScreen();
    plot->replot();
}

}  // namespace

void allowFullScreen(QCustomPlot* plot) {
    auto* action = new QAction(QObject::tr("Full screen"), plot);
    action->setToolTip(QObject::tr("Show this plot on the whole screen; Esc or F11 brings it back"));
    action->setShortcut(QKeySequence(Qt::Key_F11));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    plot->addAction(action);
    if (plot->contextMenuPolicy() == Qt::DefaultContextMenu) plot->setContextMenuPolicy(Qt::ActionsContextMenu);
    QObject::connect(action, &QAction::triggered, plot, [plot] {
        if (auto* window = dynamic_cast<FullScreenWindow*>(plot->window())) window->close();
        else showFullScreen(plot);
    });
}

}  // namespace rlhf::widgets
