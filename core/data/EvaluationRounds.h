#pragma once
// Evaluation rounds (InstructGPT's main result, docs/labelling.md): items made for a round hold one
// response per model to the same held-out prompt (each response's origin names its model; a text two
// models both wrote names both, comma-separated). Labellers rank them blind like any item; a model's
// win rate against the baseline counts, per judgement of a round item holding both, a win when the
// model's response is ranked better, a tie when equal or when the labeller found the item all bad, a
// loss when worse — ties half, with the 95 % Wilson interval (eval/WinRate).

#include <string>
#include <vector>

#include "data/Database.h"
#include "eval/WinRate.h"

namespace rlhf::data {

struct RoundModelResult {
    std::string model;
    eval::WinRate winRate;      // against the baseline; all 0 on the baseline's own row
    int64_t judgements = 0;     // outcomes counted
};

struct RoundResults {
    std::string round, baseline;
    int64_t items = 0, judgedItems = 0;
    std::vector<RoundModelResult> models;  // in the order the round names them, the baseline first
};

std::vector<std::string> evaluationRounds(Database& db);             // in the order they were made
std::vector<std::string> roundModels(Database& db, const std::string& round);  // in the order of the items' origins
// `baseline` empty: the round's first model. Throws std::invalid_argument for an unknown round or baseline.
RoundResults roundResults(Database& db, const std::string& round, const std::string& baseline);

}  // namespace rlhf::data
