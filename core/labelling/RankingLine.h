#pragma once
// One line of the "rankings" format (docs/formats.md): a judgement, or an item still to be ranked.
//   {"prompt": P, "responses": [R0, R1, …], "ranking": [[2], [0, 3], [1]], "labeller": "ana"}
// Tie groups best first, indexes into `responses`, every index exactly once; or "unrankable": true (then
// no ranking). Optional: "flags" (names), "rationale", "ratings" (one 1–7 or null per response),
// "guideline", "origins" (the model of each response), "shown" (the position each response was shown at).
// A line with neither ranking, unrankable nor labeller is an item; anything else partial is refused.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "labelling/Judgement.h"

namespace rlhf::labelling {

struct RankingLine {
    std::string prompt;
    std::vector<std::string> responses;
    std::vector<std::string> origins;      // empty, or one per response ("" unknown)
    std::optional<Judgement> judgement;    // none: an item to be ranked
};

// Whether a record looks like this format (for --format auto): a prompt and a responses list.
bool looksLikeRankingLine(const nlohmann::json& record);

// Throws data::RecordError naming the field and the problem.
RankingLine parseRankingLine(const nlohmann::json& record);

// The line as the format writes it: fields in the order above, optional ones only when they say something.
nlohmann::ordered_json renderRankingLine(const RankingLine& line);

}  // namespace rlhf::labelling
