#pragma once
// rlhf arena PROJECT [--seed S] [--rounds N] [--json]: the arena leaderboard (docs/arena.md).

namespace CLI {
class App;
}

namespace rlhf::cli {

void addArenaCommand(CLI::App& app);

}  // namespace rlhf::cli
