#pragma once
// Opening a project file written by an older version migrates it, which can take seconds (rebuilding
// full-text indexes of a million rows). This runs that migration on a worker thread (ProjectTask, its
// own connection) behind a modal busy dialog, so the window keeps painting; the UI thread then opens
// the already migrated file at once (architecture §6: the UI thread never runs a long query).

#include <QString>

class QWidget;

namespace rlhf::widgets {

// Migrates `path` when it needs it; true when it needed nothing or the migration succeeded, false with
// `error` set otherwise (the file is unchanged then: a migration is one transaction).
bool upgradeProjectFile(QWidget* parent, const QString& path, QString* error);

}  // namespace rlhf::widgets
