// rlhf-workbench [PROJECT]: the desktop application. Wiring only: the panels live in widgets/.
// Opens PROJECT, else the last project, else a new one in the user's data directory.
#include <QApplication>
#include <QCommandLineParser>
#include <QTranslator>

#include "main/MainWindow.h"
#include "main/StartupProject.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(RLHF_VERSION));
    // English plural forms always; the user's language on top when a translation exists (translations/*.ts).
    QTranslator english, translator;
    if (english.load(QStringLiteral(":/i18n/rlhf_workbench_en.qm"))) QApplication::installTranslator(&english);
    if (translator.load(QLocale(), QStringLiteral("rlhf_workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "RLHF Workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project file (*.rlhf) to open or create"));
    parser.process(app);
    rlhf::widgets::MainWindow window;
    const auto project = rlhf::widgets::startupProject(parser.positionalArguments());
    window.show();  // first, so an upgrade of an old project shows its progress over the window
    window.openProject(project.path, project.create);
    return app.exec();
}
