#pragma once
// rlhf agreement PROJECT [--json] and rlhf package create|merge (docs/labelling.md).

namespace CLI {
class App;
}

namespace rlhf::cli {

void addLabellingCommands(CLI::App& app);

}  // namespace rlhf::cli
