#pragma once
// The demonstrations of a project (responses written or imported as the response a prompt should get):
// what supervised fine-tuning trains on. Prompt and response as their text columns show them.

#include <string>
#include <vector>

#include "data/Database.h"

namespace rlhf::data {

struct Demonstration {
    std::string prompt, response;
};

// The demonstrations of prompts in `split` ("train", "validation", "test"; empty: all), in the order
// they were added.
std::vector<Demonstration> readDemonstrations(Database& db, const std::string& split);

}  // namespace rlhf::data
