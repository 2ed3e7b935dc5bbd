#pragma once
// rlhf demo create PROJECT [--seed S] [--json]: the built-in demo project (demo/DemoProject.h).
// rlhf demo run PROJECT [--device D] [--set STAGE.KEY=VALUE]... [--json]: pretraining → SFT → reward
// model → PPO and DPO → evaluation, as ordinary runs of the project, then a summary (DemoRun.h).

namespace CLI {
class App;
}

namespace rlhf::cli {
void addDemoCommand(CLI::App& app);
}  // namespace rlhf::cli
