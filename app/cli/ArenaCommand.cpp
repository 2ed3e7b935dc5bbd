#include "ArenaCommand.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "arena/Leaderboard.h"
#include "data/ArenaComparisons.h"
#include "data/ArenaFile.h"
#include "data/ProjectStore.h"

namespace rlhf::cli {

namespace {

struct ArenaOptions {
    std::string project;
    uint64_t seed = 0;
    int rounds = 1000;
    bool json = false;
};

void runArena(const ArenaOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto battles = data::readArenaBattles(store->database());
    if (battles.battles.empty()) throw UserError(o.project + ": no arena battles (import Chatbot Arena records with --format arena)");
    const auto board = arena::computeLeaderboard(battles.models, battles.battles, o.rounds, o.seed);
    nlohmann::json models = nlohmann::json::array();
    for (const auto& r : board.rows)
        models.push_back({{"model", r.model}, {"elo_online", r.eloOnline}, {"bt_rating", r.btRating}, {"ci_low", r.ciLow},
                          {"ci_high", r.ciHigh}, {"battles", r.battles}, {"wins", r.wins}, {"losses", r.losses}, {"ties", r.ties}});
    const std::string note = "the Bradley-Terry maximum likelihood does not exist for these battles (a model never beaten, or "
                             "groups of models not compared both ways): ratings are kept finite by a negligible ridge";
    if (o.json) {
        nlohmann::json out = {{"models", models}, {"battles", battles.battles.size()}, {"rounds", o.rounds}, {"seed", o.seed}, {"ridge", board.ridge}};
        if (board.ridge) out["note"] = note;
        printJsonLine(out);
        return;
    }
    std::cout << battles.battles.size() << " battles, " << board.rows.size() << " models; Bradley-Terry ratings with 95 % bootstrap intervals ("
              << o.rounds << " resamples, seed " << o.seed << "), online Elo\n";
    std::cout << std::fixed << std::setprecision(1);
    for (const auto& r : board.rows)
        std::cout << "  " << std::left << std::setw(24) << r.model << std::right << std::setw(8) << r.btRating << "  [" << r.ciLow << ", "
                  << r.ciHigh << "]  elo " << r.eloOnline << "  " << r.wins << " W " << r.losses << " L " << r.ties << " T\n";
    if (board.ridge) std::cerr << "rlhf: note: " << note << '\n';
}

void runArenaComparisons(const std::string& project, bool json) {
    auto store = data::ProjectStore::open(project, false);
    const auto r = data::arenaVotesToComparisons(store->database(), store->checkpointsDirectory());
    nlohmann::ordered_json out = {{"pairs", r.import.pairs}, {"duplicates", r.import.duplicates}, {"battles", r.battles},
                                  {"ties", r.ties}, {"unpaired", r.unpaired}, {"file", r.file}};
    printResult(out, json);
}

}  // namespace

void addArenaCommand(CLI::App& app) {
    auto o = std::make_shared<ArenaOptions>();
    CLI::App* cmd = app.add_subcommand("arena", "The arena leaderboard: online Elo and Bradley-Terry with bootstrap intervals");
    cmd->add_option("PROJECT", o->project)->required();
    cmd->add_option("--seed", o->seed, "Bootstrap seed (default 0)");
    cmd->add_option("--rounds", o->rounds, "Bootstrap resamples (default 1000)")->check(greaterThanZero());
    cmd->add_flag("--json", o->json);
    cmd->callback([o] { runArena(*o); });

    auto pairs = std::make_shared<std::pair<std::string, bool>>();
    CLI::App* toPairs = app.add_subcommand("arena-comparisons", "Arena votes as reward-model comparisons (the last exchange of each decided battle)");
    toPairs->add_option("PROJECT", pairs->first)->required();
    toPairs->add_flag("--json", pairs->second);
    toPairs->callback([pairs] { runArenaComparisons(pairs->first, pairs->second); });
}

}  // namespace rlhf::cli
