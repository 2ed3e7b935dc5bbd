// rlhf: the workbench's command line (DESIGN §7). Exit 0 on success, 1 on a user error (one line on
// stderr naming the file/line/field), 2 on a usage error.
#include <iostream>

#include <CLI/CLI.hpp>

#include "CliSupport.h"
#include "BenchCommand.h"
#include "DataCommands.h"
#include "ElizaCommand.h"
#include "ModelCommands.h"
#include "TrainCommand.h"

int main(int argc, char** argv) {
    CLI::App app{"RLHF Workbench command line"};
    app.require_subcommand(1);
    rlhf::cli::addElizaCommand(app);
    rlhf::cli::addDataCommands(app);
    rlhf::cli::addModelCommands(app);
    rlhf::cli::addTrainCommand(app);
    rlhf::cli::addBenchCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? rlhf::cli::kSuccess : rlhf::cli::kUsageError;
    } catch (const std::exception& e) {  // UserError and every core error: bad files, fields, values
        std::cerr << "rlhf: " << e.what() << '\n';
        return rlhf::cli::kUserError;
    }
    return rlhf::cli::kSuccess;
}
