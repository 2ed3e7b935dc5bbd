#pragma once
// What each training setting does and where its default comes from: the New-run dialog's tooltips.

#include <QString>

namespace rlhf::widgets {

// A sentence or two for `key` (a --set name); empty for keys without help.
QString runSettingHelp(const QString& key);

}  // namespace rlhf::widgets
