#pragma once
// rlhf candidates PROJECT --models A[,B…] …: candidates for the Ranking panel, made by the models
// (docs/labelling.md). One model: K samples per prompt, an item of the distinct ones. Several models:
// an evaluation round — one response per model to each held-out prompt. Each item is committed as it is
// made, so a labeller can rank while the rest are generated.

namespace CLI {
class App;
}

namespace rlhf::cli {

void addCandidatesCommand(CLI::App& app);

}  // namespace rlhf::cli
