#pragma once
// The workbench's file dialogs: QFileDialog's static functions, except that the dialog never opens the
// files it lists (NameOnlyIconProvider). Qt's own dialog reads a file to guess its type and closes it
// again, and on Linux that close drops every POSIX lock the process holds on that file, SQLite's
// included. Listing the open project's folder thus released the window's locks on the project and its
// -wal/-shm files; the next process to close the project (a run, the command line) then took itself for
// the last user and deleted the WAL with the window's unmerged writes in it. For the same reason these
// are always Qt's dialog, never a platform's native one, which would run its own code in this process.

#include <QString>

class QWidget;

namespace rlhf::widgets {

QString chooseExistingDirectory(QWidget* parent, const QString& caption, const QString& directory = {});
QString chooseOpenFileName(QWidget* parent, const QString& caption, const QString& directory = {}, const QString& filter = {});
// `selectedFilter`, when given: the filter shown first, and on return the one chosen.
QString chooseSaveFileName(QWidget* parent, const QString& caption, const QString& directory = {}, const QString& filter = {},
                           QString* selectedFilter = nullptr);

// True, after a warning titled `caption`, when the chosen `path` is a file of a project open in this
// process or one of its SQLite side files (data::Database::refuseOpenFile): the caller must neither read it
// (the close would drop the project's locks) nor write it (that would destroy the project).
bool refuseProjectFile(QWidget* parent, const QString& caption, const QString& path);

}  // namespace rlhf::widgets
