#pragma once
// A project's text as one training corpus for pretraining from scratch: one document per prompt and
// response (prompt text followed by the response), documents separated by <|endoftext|>.
#include <cstdint>
#include <string>

#include "data/Database.h"

namespace rlhf::data {

struct TrainingTextReport {
    int64_t documents = 0;
    int64_t bytes = 0;
};

// Writes the corpus to `path` (atomically); split "train" by default, empty = every prompt.
TrainingTextReport writeTrainingText(Database& db, const std::string& path, const std::string& split = "train");

}  // namespace rlhf::data
