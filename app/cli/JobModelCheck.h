#pragma once
// The model directories an exported job names (rlhf export-job), checked as far as they can be without
// loading their weights: a model meant for a cluster may be far larger than this machine.

#include <optional>
#include <string>
#include <vector>

namespace rlhf::cli {

struct JobModel {
    bool scoreHead = false;     // its weights hold a reward model's score.weight
    bool chatTemplate = false;  // `model` has a chat template rlhf train renders: the trainers render conversational rows in it
};

// `dir`, given as setting `key`: its config.json and tokenizer (which TRL and OpenRLHF need) must read, and
// its weight files' headers say whether it has a score head. Throws UserError naming the setting and the
// problem. Warnings go to `warnings` (and stderr): a path not on this machine is taken as given (a model
// only on the cluster: nullopt); an architecture the workbench lacks, or weights only in pickles, are
// taken unchecked; a chat template of a format rlhf train does not render leaves the rows plain text.
std::optional<JobModel> inspectJobModel(const std::string& dir, const std::string& key, std::vector<std::string>& warnings);

}  // namespace rlhf::cli
