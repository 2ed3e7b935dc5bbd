#pragma once
// The settings the demo trains each stage with (`rlhf demo run`, and the Pipeline board's actions on a
// demo project), sized so that the whole recipe takes a few minutes on a 2-core CPU (docs/demo.md,
// docs/benchmarks.md). Each is "key=value" as `rlhf train --set` takes it; the start models (model,
// reward_model) are added by whoever chains the stages.

#include <string>
#include <vector>

namespace rlhf::demo {

struct DemoStage {
    std::string kind;   // pretrain, sft, rm, ppo, dpo: the order the demo runs them in
    std::string title;  // what the step does, for progress lines
    std::vector<std::string> settings;
};

const std::vector<DemoStage>& demoStages();
// The demo's settings of `kind`, empty for an unknown kind.
std::vector<std::string> demoStageSettings(const std::string& kind);

}  // namespace rlhf::demo
