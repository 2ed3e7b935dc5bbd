#include "main/ProjectUpgrade.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QProgressDialog>
#include <QTimer>

#include "common/ProjectTask.h"
#include "data/ProjectStore.h"

namespace rlhf::widgets {

bool upgradeProjectFile(QWidget* parent, const QString& path, QString* error) {
    if (!data::ProjectStore::needsMigration(path.toStdString())) return true;
    QProgressDialog dialog(QObject::tr("Upgrading %1 to this version's format: rebuilding its search index…")
                               .arg(QFileInfo(path).fileName()),
                           QString(), 0, 0, parent);  // no cancel button: the upgrade is one transaction
    dialog.setWindowTitle(QObject::tr("Open project"));
    dialog.setWindowModality(Qt::WindowModal);
    QTimer::singleShot(300, &dialog, &QProgressDialog::show);  // quick upgrades (v2 to v3) show nothing
    bool upgraded = false;
    QEventLoop loop;
    // Opening the store in the task migrates it; the work itself has nothing left to do.
    ProjectTask* task = ProjectTask::start(path, [](data::ProjectStore&, const auto&, const auto&) { return QString(); });
    QObject::connect(task, &ProjectTask::finished, &loop, [&] {
        upgraded = true;
        loop.quit();
    });
    QObject::connect(task, &ProjectTask::failed, &loop, [&](const QString& message) {
        *error = message;
        loop.quit();
    });
    // The window keeps painting; clicks and keys wait until the upgrade is over (no re-entrant opens).
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return upgraded;
}

}  // namespace rlhf::widgets
