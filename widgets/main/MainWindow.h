#pragma once
// The main window only wires panels: navigation on the left, the current panel on the right, a status
// bar every panel can write to, Help → About. Only panels that work are listed.

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace rlhf::widgets {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPanel(QWidget* panel, const QString& name);
    void createMenus();
    void showAbout();

    QListWidget* navigation_ = nullptr;
    QStackedWidget* panels_ = nullptr;
};

}  // namespace rlhf::widgets
