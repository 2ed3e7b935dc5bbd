#include "NameOnlyIconProvider.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace rlhf::widgets {

NameOnlyIconProvider::NameOnlyIconProvider()
    : folderIcon_(QIcon::fromTheme(QStringLiteral("folder"), QApplication::style()->standardIcon(QStyle::SP_DirIcon))),
      fileIcon_(QApplication::style()->standardIcon(QStyle::SP_FileIcon)) {}

QIcon NameOnlyIconProvider::icon(const QFileInfo& info) const {
    if (info.isDir()) return folderIcon_;
    const QMimeType type = mimeTypes_.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    return type.isDefault() ? fileIcon_ : QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName(), fileIcon_));
}

QString NameOnlyIconProvider::type(const QFileInfo& info) const {
    if (info.isDir()) return QApplication::translate("NameOnlyIconProvider", "Folder");
    const QMimeType type = mimeTypes_.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
    if (!type.isDefault()) return type.comment().isEmpty() ? type.name() : type.comment();
    return info.suffix().isEmpty() ? QApplication::translate("NameOnlyIconProvider", "File")
                                   : QApplication::translate("NameOnlyIconProvider", "%1 file").arg(info.suffix());
}

}  // namespace rlhf::widgets
