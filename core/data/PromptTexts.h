#pragma once
// The prompts of a project as text (what PPO rolls out from).

#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

// Prompts in `split` ("train", "validation", "test"; empty: all), in the order they were added.
std::vector<std::string> readPromptTexts(Database& db, const std::string& split);

}  // namespace rlhf::data
