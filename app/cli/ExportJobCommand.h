#pragma once
// `rlhf export-job PROJECT --stage sft|rm|dpo --out DIR`: a stage of the project as a TRL job for a
// machine or cluster with GPUs (train/TrlJob): the project's train and validation splits in TRL's
// formats (data/train.jsonl, data/test.jsonl), config.yaml with the stage's settings under TRL's names,
// launch.sh (accelerate), deepspeed_zero2.yaml, settings.json (the workbench's settings) and a README.
// DIR appears complete or not at all.

namespace CLI {
class App;
}

namespace rlhf::cli {

void addExportJobCommand(CLI::App& app);

}  // namespace rlhf::cli
