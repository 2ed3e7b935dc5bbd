#pragma once
// The model directories an exported job names (rlhf export-job), checked as far as they can be without
// loading their weights: a model meant for a cluster may be far larger than this machine.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/Tokenizer.h"

namespace rlhf::cli {

struct JobModel {
    bool scoreHead = false;     // its weights hold a reward model's score.weight
    bool chatTemplate = false;  // `model` has a chat template rlhf train renders: the trainers render conversational rows in it
    // Its vocabulary and tokenizer, for an architecture the workbench reads (else null): PPO's reward model
    // must read the policy's rows alike (checkRewardReads).
    std::string dir;
    int64_t vocab = 0;
    std::optional<int64_t> context;  // the longest sequence it takes (nullopt: a Mamba, no limit)
    std::shared_ptr<const text::Tokenizer> tokenizer;
};

// `dir`, given as setting `key`: its config.json and tokenizer (which TRL and OpenRLHF need) must read, and
// its weight files' headers say whether it has a score head. Throws UserError naming the setting and the
// problem. Warnings go to `warnings` (and stderr): a path not on this machine is taken as given (a model
// only on the cluster: nullopt); an architecture the workbench lacks, or weights only in pickles, are
// taken unchecked; a chat template of a format rlhf train does not render leaves the rows plain text.
std::optional<JobModel> inspectJobModel(const std::string& dir, const std::string& key, std::vector<std::string>& warnings);

// Prints "rlhf: warning: TEXT" on stderr and keeps it for the result's "warnings".
void addJobWarning(std::vector<std::string>& warnings, std::string text);

// PPO's reward model (given as `rewardDir`) must read the policy's ids as rlhf train ppo requires: the same
// vocabulary, and the same ids for a probe exchange. Throws UserError naming reward_model otherwise; a
// model whose text was not read (not on this machine, another architecture) is not checked.
void checkRewardReads(const JobModel& policy, const JobModel& reward, const std::string& rewardDir);

}  // namespace rlhf::cli
