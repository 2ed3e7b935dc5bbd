#pragma once
// `rlhf` is two executables. `rlhf` itself has the data and ELIZA commands and no LibTorch, so they
// start in milliseconds; the model commands (tokenize, score, generate, train, runs, bench) live in
// `rlhf-engine`, next to it, which `rlhf` replaces itself with (execv) when one of them is asked for.
// Both list every command in --help, from the one table here.

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace rlhf::cli {

// The description of an engine command ("generate", ...); empty for any other name.
std::string engineCommandDescription(const std::string& name);

// Adds placeholders of the engine commands to `rlhf`'s help (they are never parsed: see runEngine).
void addEngineCommandPlaceholders(CLI::App& app);

// True when argv[1] names an engine command.
bool isEngineCommand(int argc, char** argv);

// rlhf-engine beside this executable.
std::filesystem::path enginePath(char** argv);

// Replaces this process with rlhf-engine from this executable's directory, same arguments. Returns
// only when that fails: prints why and returns the exit code.
int runEngine(char** argv);

}  // namespace rlhf::cli
