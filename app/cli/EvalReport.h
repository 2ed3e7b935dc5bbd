#pragma once
// What `rlhf eval` and `rlhf demo run` report of an evaluation (eval/PolicyEvaluation), and where a
// project keeps it: PROJECT.rlhf.d/evaluations/eval-DATE-TIME.json, the newest of which the Pipeline
// board shows. One JSON object:
//   {"judge", "baseline", "prompts", "split", "created_at",
//    "models": [{"model", "dir", "run"?, "kind"?, "mean_score", "win_rate", "ci_low", "ci_high",
//                "wins", "ties", "losses", "kl", "perplexity"}],
//    "samples": [{"prompt", "responses": {MODEL: TEXT}}]}
// win_rate (ties count half) and its 95 % Wilson interval are against the baseline, null on its own row.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/ProjectStore.h"
#include "eval/PolicyEvaluation.h"

namespace rlhf::cli {

// A model named on the command line: a run id of the project (its newest checkpoint) or a directory.
struct NamedModel {
    std::string name, dir, kind;
    int64_t run = 0;
};
NamedModel resolveModel(data::ProjectStore& store, const std::string& name, const std::string& option);
// What a model is called where it shows (candidates' origins, chat contestants): "sft-3" for run 3, else
// its directory's name (a trailing "/" ignored).
std::string shortNameOf(const NamedModel& model);

nlohmann::ordered_json evaluationJson(const std::vector<NamedModel>& models, const std::vector<eval::PolicyResult>& results,
                                      size_t baseline, const std::string& judge, const std::string& split,
                                      const std::vector<std::string>& prompts, size_t samples);
// Writes it into the project's evaluations folder (atomically); returns the file's path.
std::string saveEvaluation(data::ProjectStore& store, const nlohmann::ordered_json& evaluation);
// A table for people: one line per model.
void printEvaluationTable(const nlohmann::ordered_json& evaluation);

}  // namespace rlhf::cli
