#include "ArenaCommand.h"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "arena/ArenaRatings.h"
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

struct Record {
    int64_t battles = 0, wins = 0, losses = 0, ties = 0;
};

std::vector<Record> recordsOf(const data::ArenaBattles& a) {
    std::vector<Record> r(a.models.size());
    for (const auto& b : a.battles) {
        auto& x = r[static_cast<size_t>(b.a)];
        auto& y = r[static_cast<size_t>(b.b)];
        ++x.battles, ++y.battles;
        if (b.winner == arena::Winner::A) ++x.wins, ++y.losses;
        else if (b.winner == arena::Winner::B) ++y.wins, ++x.losses;
        else ++x.ties, ++y.ties;
    }
    return r;
}

void runArena(const ArenaOptions& o) {
    auto store = data::ProjectStore::open(o.project, false);
    const auto battles = data::readArenaBattles(store->database());
    if (battles.battles.empty()) throw UserError(o.project + ": no arena battles (import Chatbot Arena records with --format arena)");
    const int m = static_cast<int>(battles.models.size());
    const auto elo = arena::eloOnline(battles.battles, m);
    const auto bt = arena::bradleyTerry(battles.battles, m);
    const auto ci = arena::bootstrapIntervals(battles.battles, m, o.rounds, o.seed);
    const auto records = recordsOf(battles);
    std::vector<size_t> order(static_cast<size_t>(m));
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return bt.ratings[x] > bt.ratings[y]; });
    nlohmann::json models = nlohmann::json::array();
    for (size_t i : order)
        models.push_back({{"model", battles.models[i]}, {"elo_online", elo[i]}, {"bt_rating", bt.ratings[i]}, {"ci_low", ci[i].low},
                          {"ci_high", ci[i].high}, {"battles", records[i].battles}, {"wins", records[i].wins},
                          {"losses", records[i].losses}, {"ties", records[i].ties}});
    const std::string note = "the Bradley-Terry maximum likelihood does not exist for these battles (a model never beaten, or "
                             "groups of models not compared both ways): ratings are kept finite by a negligible ridge";
    if (o.json) {
        nlohmann::json out = {{"models", models}, {"battles", battles.battles.size()}, {"rounds", o.rounds}, {"seed", o.seed}, {"ridge", bt.ridge}};
        if (bt.ridge) out["note"] = note;
        printJsonLine(out);
        return;
    }
    std::cout << battles.battles.size() << " battles, " << m << " models; Bradley-Terry ratings with 95 % bootstrap intervals ("
              << o.rounds << " resamples, seed " << o.seed << "), online Elo\n";
    std::cout << std::fixed << std::setprecision(1);
    for (size_t i : order)
        std::cout << "  " << std::left << std::setw(24) << battles.models[i] << std::right << std::setw(8) << bt.ratings[i] << "  ["
                  << ci[i].low << ", " << ci[i].high << "]  elo " << elo[i] << "  " << records[i].wins << " W " << records[i].losses
                  << " L " << records[i].ties << " T\n";
    if (bt.ridge) std::cerr << "rlhf: note: " << note << '\n';
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
}

}  // namespace rlhf::cli
