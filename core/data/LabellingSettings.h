#pragma once
// What a project says about how to label: its guidelines (markdown, versioned "v1", "v2", …: a judgement
// stores the version it was made under) and its flag names (InstructGPT's metadata by default).

#include <optional>
#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct Guideline {
    std::string version, text;
};

// InstructGPT's labelling metadata (Ouyang et al. 2022, appendix B).
const std::vector<std::string>& defaultLabelFlags();

std::vector<std::string> labelFlags(Database& db);                            // the project's, else the defaults
void setLabelFlags(Database& db, const std::vector<std::string>& flags);      // empty names dropped

std::optional<Guideline> latestGuideline(Database& db);
// Stores `text` as the next version ("v1" first) unless it equals the latest; returns the version in force.
std::string saveGuideline(Database& db, const std::string& text);

}  // namespace rlhf::data
