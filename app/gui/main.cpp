// rlhf-workbench: the desktop application. Wiring only: the panels live in widgets/.
#include <QApplication>

#include "main/MainWindow.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    rlhf::widgets::MainWindow window;
    window.show();
    return app.exec();
}
