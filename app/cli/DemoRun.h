#pragma once
// `rlhf demo run`: the whole recipe on a demo project, headless, as ordinary runs of the project (they
// appear in the Runs panel), then an evaluation of SFT, PPO and DPO on the test split's prompts by both
// judges, the demo's reward model and its synthetic labeller (docs/demo.md).
//
// --json prints one object: {"rm": {"val_accuracy", "val_pairs"}, "mean_score": {"sft","ppo","dpo"}
// (reward model, greedy responses), "labeller_mean_score": {…} (synthetic labeller), "win_rate_vs_sft":
// {"ppo","dpo"} (synthetic labeller, ties half) with "win_rate_ci", "rm_win_rate_vs_sft", "kl": {"ppo",
// "dpo"} (to the SFT reference), "perplexity", "reward_hacking": {"ppo","dpo"}, "verdict", "runs",
// "seconds", "stage_seconds", "samples": [{"prompt","sft","ppo","dpo"}]}.

#include <string>
#include <vector>

namespace rlhf::cli {

struct DemoRunOptions {
    std::string project, device = "cpu";
    std::vector<std::string> sets;  // STAGE.KEY=VALUE, over the demo's settings of that stage
    int threads = 0;
    bool json = false;
};

void runDemo(const DemoRunOptions& o);

}  // namespace rlhf::cli
