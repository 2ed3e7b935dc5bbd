// rlhf-engine: the model commands of `rlhf` (tokenize, score, generate, train, runs, bench, eval, demo), the part
// that needs LibTorch. Started by `rlhf` with the same arguments; usable directly too.
#include <torch/torch.h>  // first: keeps LibTorch's headers ahead of anything that defines macros

#include <CLI/CLI.hpp>

#include "BenchCommand.h"
#include "CandidatesCommand.h"
#include "ChatCommand.h"
#include "ExportJobCommand.h"
#include "MemoryCheck.h"
#include "ImportRunCommand.h"
#include "CliSupport.h"
#include "DemoCommand.h"
#include "EvalCommand.h"
#include "ModelCommands.h"
#include "TrainCommand.h"
#include "VersionCommand.h"
#include "model/cpu/SimdWidth.h"
#include "util/MemoryReuse.h"

int main(int argc, char** argv) {
    if (bool json = false; rlhf::cli::isVersionRequest(argc, argv, &json)) {
        const nlohmann::json v = {{"version", RLHF_VERSION}, {"libtorch", TORCH_VERSION},
                                  {"cpu_vectors", rlhf::model::simd::widthName(rlhf::model::simd::width())}};
        rlhf::cli::printResult(v, json);
        return 0;
    }
    rlhf::util::keepFreedMemoryForReuse();  // training and generation reuse large tensors every step
    CLI::App app{"RLHF Workbench command line: model commands", "rlhf"};
    app.require_subcommand(1);
    rlhf::cli::addModelCommands(app);
    rlhf::cli::addTrainCommand(app);
    rlhf::cli::addBenchCommand(app);
    rlhf::cli::addEvalCommand(app);
    rlhf::cli::addDemoCommand(app);
    rlhf::cli::addCandidatesCommand(app);
    rlhf::cli::addChatCommand(app);
    rlhf::cli::addImportRunCommand(app);
    rlhf::cli::addExportJobCommand(app);
    rlhf::cli::addEstimateCommand(app);
    return rlhf::cli::runCommandLine(app, argc, argv);
}
