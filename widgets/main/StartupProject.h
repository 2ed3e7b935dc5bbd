#pragma once
// Which project the application opens at start: the one named on the command line (created when
// missing), else the last one opened, else the demo project Demo.rlhf in the user's data directory
// (generated the first time: docs/demo.md).

#include <QString>
#include <QStringList>

namespace rlhf::widgets {

struct StartupProject {
    QString path;
    bool create = false;  // the file does not exist yet
    bool demo = false;    // the demo project: generate it when it does not exist
};

// ~/.local/share/RLHF Workbench/Demo.rlhf
QString demoProjectPath();

// `arguments`: the positional command-line arguments.
StartupProject startupProject(const QStringList& arguments);

}  // namespace rlhf::widgets
