#include "main/StartupProject.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "main/AppSettings.h"

namespace rlhf::widgets {

QString demoProjectPath() {
    // GenericDataLocation + our name: ~/.local/share/RLHF Workbench (AppDataLocation would repeat the
    // name, once as organisation and once as application).
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/RLHF Workbench");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/Demo.rlhf");
}

StartupProject startupProject(const QStringList& arguments) {
    if (!arguments.isEmpty()) return {arguments.first(), !QFileInfo::exists(arguments.first()), false};
    const QString last = AppSettings::lastProject();
    if (!last.isEmpty() && QFileInfo::exists(last)) return {last, false, false};
    const QString demo = demoProjectPath();
    return {demo, !QFileInfo::exists(demo), true};
}

}  // namespace rlhf::widgets
