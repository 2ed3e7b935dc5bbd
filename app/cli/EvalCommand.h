#pragma once
// rlhf eval PROJECT --models A,B,… [--baseline A] [--judge rm:DIR|synthetic] [--json]: policies side by
// side on the project's held-out prompts (EvalReport.h has the output).

namespace CLI {
class App;
}

namespace rlhf::cli {
void addEvalCommand(CLI::App& app);
}  // namespace rlhf::cli
