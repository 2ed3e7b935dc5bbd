// rlhf: the workbench's command line (architecture §7). Exit 0 on success, 1 on a user error (one line on
// stderr naming the file/line/field), 2 on a usage error. Data and ELIZA commands run here, without
// LibTorch; the model commands run in rlhf-engine (EngineCommands.h).
#include <iostream>

#include <CLI/CLI.hpp>

#include "ArenaCommand.h"
#include "CliSupport.h"
#include "DataCommands.h"
#include "ElizaCommand.h"
#include "EngineCommands.h"
#include "LabellingCommands.h"
#include "TranscriptsCommand.h"
#include "VersionCommand.h"

int main(int argc, char** argv) {
    if (bool json = false; rlhf::cli::isVersionRequest(argc, argv, &json)) {
        const auto v = rlhf::cli::versionOfWorkbench(argv);
        if (json) rlhf::cli::printJsonLine(v);
        else std::cout << "RLHF Workbench " << v["version"].get<std::string>() << "\nSQLite " << v["sqlite"].get<std::string>()
                       << "\nLibTorch " << v["libtorch"].get<std::string>()
                       << (v.contains("cpu_vectors") ? " (CPU kernels: " + v["cpu_vectors"].get<std::string>() + ")" : "") << '\n';
        return 0;
    }
    if (rlhf::cli::isEngineCommand(argc, argv)) return rlhf::cli::runEngine(argv);
    CLI::App app{"RLHF Workbench command line", "rlhf"};
    app.require_subcommand(1);
    rlhf::cli::addElizaCommand(app);
    rlhf::cli::addDataCommands(app);
    rlhf::cli::addLabellingCommands(app);
    rlhf::cli::addArenaCommand(app);
    rlhf::cli::addTranscriptsCommand(app);
    rlhf::cli::addEngineCommandPlaceholders(app);
    return rlhf::cli::runCommandLine(app, argc, argv);
}
