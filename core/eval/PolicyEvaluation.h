#pragma once
// Evaluating policies side by side on held-out prompts (`rlhf eval`, `rlhf demo run`, docs/demo.md):
//   responses   greedy, at most max_new_tokens, one per prompt;
//   scores      by each judge (a reward model, or the demo's synthetic labeller);
//   kl          KL(policy ‖ baseline) estimated per prompt from one sample of the policy at temperature 1:
//               mean over prompts of Σ_t [log π(y_t | x, y_<t) − log π_base(y_t | x, y_<t)];
//   perplexity  exp of the mean negative log-likelihood per token of the demonstrations' responses
//               (each followed by EOS, as SFT learns them).
// Runs on the caller's thread, under NoGrad.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "data/Demonstrations.h"
#include "model/HfCheckpoint.h"

namespace rlhf::eval {

// Scores of responses[i] to prompts[i].
using JudgeScores = std::function<std::vector<double>(const std::vector<std::string>& prompts,
                                                      const std::vector<std::string>& responses)>;
struct Judge {
    std::string name;  // "rm:DIR" or "synthetic"
    JudgeScores scores;
};

// The judge of the reward model in `dir` (loaded here, kept by the judge). Throws std::invalid_argument
// for a model without a score head.
Judge rewardModelJudge(const std::string& name, const std::string& dir, const torch::Device& device);
Judge syntheticLabellerJudge();

struct EvalSettings {
    int maxNewTokens = 48;
    uint64_t seed = 1;  // of the KL samples
};

struct PolicyResult {
    std::string name, dir;
    std::vector<std::string> responses;                 // greedy, one per prompt
    std::map<std::string, std::vector<double>> scores;  // judge name -> one per prompt
    double kl = 0;                                      // to the baseline (0 for the baseline itself)
    double perplexity = 0;                              // of the demonstrations (0 when none were given)
};

struct PolicySpec {
    std::string name, dir;
};

// Evaluates each policy (the baseline is policies[baseline]); loads one policy at a time beside the
// baseline. Throws std::invalid_argument naming a directory that is not a GPT-2 model with a tokenizer.
std::vector<PolicyResult> evaluatePolicies(const std::vector<PolicySpec>& policies, size_t baseline,
                                           const std::vector<std::string>& prompts,
                                           const std::vector<data::Demonstration>& demonstrations,
                                           const std::vector<Judge>& judges, const EvalSettings& settings,
                                           const torch::Device& device);

// The greedy responses of `policy` to `prompts` (text after the prompt, EOS left out).
std::vector<std::string> greedyResponses(model::LoadedModel& policy, const std::vector<std::string>& prompts,
                                         int maxNewTokens);

}  // namespace rlhf::eval
