#pragma once
// Icons and type names for a file dialog that never opens the files it lists: the type is guessed from the
// file's name alone. Qt's own provider reads a file whose name says nothing (a project's .rlhf, its
// -wal and -shm), and closing that read drops every POSIX lock this process holds on the file: such
// locks belong to the process, not to a descriptor. See FileDialogs.h for what that did to a project.

#include <QAbstractFileIconProvider>
#include <QIcon>
#include <QMimeDatabase>

namespace rlhf::widgets {

class NameOnlyIconProvider : public QAbstractFileIconProvider {
public:
    NameOnlyIconProvider();  // on the GUI thread: takes the style's folder and file icons
    using QAbstractFileIconProvider::icon;
    // Threading: Qt 6's QFileSystemModel calls these on the GUI thread (its gatherer thread only stats
    // files); they read only members set in the constructor and the MIME database, safe on any thread.
    QIcon icon(const QFileInfo& info) const override;
    QString type(const QFileInfo& info) const override;

private:
    QMimeDatabase mimeTypes_;
    QIcon folderIcon_, fileIcon_;
};

}  // namespace rlhf::widgets
