#pragma once
// Which project the application opens at start (issue 2): the one named on the command line (created
// when missing), else the last one opened, else Untitled.rlhf in the user's data directory (created
// the first time).

#include <QString>
#include <QStringList>

namespace rlhf::widgets {

struct StartupProject {
    QString path;
    bool create = false;  // the file does not exist yet
};

// `arguments`: the positional command-line arguments.
StartupProject startupProject(const QStringList& arguments);

}  // namespace rlhf::widgets
