#include "FileDialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "NameOnlyIconProvider.h"
#include "data/Database.h"

namespace rlhf::widgets {

namespace {

// Runs a dialog of `mode` and returns the path chosen, or an empty string when cancelled.
QString choose(QWidget* parent, const QString& caption, const QString& directory, const QString& filter,
               QFileDialog::FileMode mode, QFileDialog::AcceptMode accept, QString* selectedFilter = nullptr) {
    NameOnlyIconProvider icons;  // outlives the dialog: declared first
    // The provider goes in before the dialog looks at `directory`: given a file, the constructor would
    // select it, and Qt's own provider would read it to type it.
    QFileDialog dialog(parent, caption, QString(), filter);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
    if (const QFileInfo given(directory); !directory.isEmpty() && !given.isDir()) {  // a folder and a file name in it
        dialog.setDirectory(given.absolutePath());
        dialog.selectFile(given.fileName());
    } else if (!directory.isEmpty()) {
        dialog.setDirectory(directory);
    }
    dialog.setFileMode(mode);
    dialog.setAcceptMode(accept);
    if (mode == QFileDialog::Directory) dialog.setOption(QFileDialog::ShowDirsOnly);
    if (selectedFilter && !selectedFilter->isEmpty()) dialog.selectNameFilter(*selectedFilter);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    if (selectedFilter) *selectedFilter = dialog.selectedNameFilter();
    return dialog.selectedFiles().constFirst();
}

}  // namespace

QString chooseExistingDirectory(QWidget* parent, const QString& caption, const QString& directory) {
    return choose(parent, caption, directory, {}, QFileDialog::Directory, QFileDialog::AcceptOpen);
}

QString chooseOpenFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filter) {
    return choose(parent, caption, directory, filter, QFileDialog::ExistingFile, QFileDialog::AcceptOpen);
}

QString chooseSaveFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filter,
                           QString* selectedFilter) {
    return choose(parent, caption, directory, filter, QFileDialog::AnyFile, QFileDialog::AcceptSave, selectedFilter);
}

bool refuseProjectFile(QWidget* parent, const QString& caption, const QString& path) {
    try {
        data::Database::refuseOpenFile(path.toStdString());
        return false;
    } catch (const data::StoreError& e) {
        QMessageBox::warning(parent, caption, QString::fromStdString(e.what()));
        return true;
    }
}

}  // namespace rlhf::widgets
