#pragma once
// `rlhf import-run PROJECT DIR`: a run trained elsewhere (TRL, OpenRLHF, any Hugging Face Trainer) joins
// the project: DIR's model files become the run's checkpoint (PROJECT.rlhf.d/runs/ID-STAGE/checkpoints/
// step-N, copied), its trainer_state.json log the run's curves (TrainerStateLog), in one transaction.

namespace CLI {
class App;
}

namespace rlhf::cli {

void addImportRunCommand(CLI::App& app);

}  // namespace rlhf::cli
