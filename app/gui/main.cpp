// rlhf-workbench [PROJECT]: the desktop application. Wiring only: the panels live in widgets/.
// Opens PROJECT, else the last project, else the demo project (generated on first launch).
#include <cstdio>

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QTranslator>

#include "main/MainWindow.h"
#include "main/StartupProject.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationName(QStringLiteral("RLHF Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(RLHF_VERSION));
    // English plural forms always; the user's language on top when a translation exists (translations/*.ts).
    QTranslator english, translator, qtBase;
    if (english.load(QStringLiteral(":/i18n/rlhf_workbench_en.qm"))) QApplication::installTranslator(&english);
    // Qt's own strings (dialog buttons: Cancel, Yes) in the user's language, from qt6-translations-l10n.
    if (qtBase.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtBase);
    if (translator.load(QLocale(), QStringLiteral("rlhf_workbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "RLHF Workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "Project file (*.rlhf) to open or create"));
    const QCommandLineOption panel(QStringLiteral("panel"),
                                   QApplication::translate("main", "Open on this panel: %1")
                                       .arg(rlhf::widgets::MainWindow::panelNames().join(QStringLiteral(", "))),
                                   QStringLiteral("name"));
    parser.addOption(panel);
    parser.process(app);
    if (parser.isSet(panel) && !rlhf::widgets::MainWindow::panelNames().contains(parser.value(panel))) {
        std::fprintf(stderr, "%s\n", qPrintable(QApplication::translate("main", "rlhf-workbench: unknown panel \"%1\" (one of: %2)")
                                                      .arg(parser.value(panel), rlhf::widgets::MainWindow::panelNames().join(QStringLiteral(", ")))));
        return 2;
    }
    rlhf::widgets::MainWindow window;
    const auto project = rlhf::widgets::startupProject(parser.positionalArguments());
    window.show();  // first, so an upgrade of an old project shows its progress over the window
    if (project.demo && parser.isSet(panel))  // the panel asked for, once the demo is there (it opens on the board)
        QObject::connect(&window, &rlhf::widgets::MainWindow::demoProjectReady, &window, [&window, name = parser.value(panel)] { window.showPanel(name); });
    if (project.demo) window.openDemoProject(project.path);
    else window.openProject(project.path, project.create);
    if (parser.isSet(panel)) window.showPanel(parser.value(panel));
    return app.exec();
}
