#include "main/StartupProject.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "main/AppSettings.h"

namespace rlhf::widgets {

StartupProject startupProject(const QStringList& arguments) {
    if (!arguments.isEmpty()) return {arguments.first(), !QFileInfo::exists(arguments.first())};
    const QString last = AppSettings::lastProject();
    if (!last.isEmpty() && QFileInfo::exists(last)) return {last, false};
    // GenericDataLocation + our name: ~/.local/share/RLHF Workbench (AppDataLocation would repeat the
    // name, once as organisation and once as application).
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/RLHF Workbench");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/Untitled.rlhf");
    return {path, !QFileInfo::exists(path)};
}

}  // namespace rlhf::widgets
