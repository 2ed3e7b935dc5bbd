#pragma once
// The model directories an exported job names (rlhf export-job), checked as far as they can be without
// loading their weights: a model meant for a cluster may be far larger than this machine.

#include <optional>
#include <string>
#include <vector>

namespace rlhf::cli {

struct JobModel {
    bool scoreHead = false;     // its weights hold a reward model's score.weight
    bool chatTemplate = false;  // tokenizer_config.json has a chat template: the trainers render conversational rows in it
};

// `dir`, given as setting `key`: config.json of a known architecture, weight files whose headers read, a
// tokenizer (which TRL and OpenRLHF need). Throws UserError naming the setting and the problem. A path that
// is not on this machine is taken as given (a model only on the cluster): nullopt, with a warning in
// `warnings` (also printed on stderr).
std::optional<JobModel> inspectJobModel(const std::string& dir, const std::string& key, std::vector<std::string>& warnings);

}  // namespace rlhf::cli
