#include "EngineCommands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

#include <CLI/CLI.hpp>

#include "CliSupport.h"

namespace rlhf::cli {

namespace {

constexpr std::pair<const char*, const char*> kEngineCommands[] = {
    {"tokenize", "Token ids of TEXT with the model's tokenizer"},
    {"score", "Log-probs of the response tokens given the prompt"},
    {"reward", "A reward model's score of the response to the prompt"},
    {"generate", "Sample continuations of a prompt"},
    {"train", "Train a model"},
    {"runs", "A project's training runs"},
    {"bench", "Benchmarks that print JSON numbers"},
    {"eval", "Policies side by side on held-out prompts: scores, win rates, KL, perplexity"},
    {"demo", "The built-in demo project: create it, or run the whole recipe on it"},
    {"candidates", "Candidates to rank made by models: K samples of one, or an evaluation round of several"},
    {"chat", "A conversation with a model kept loaded: lines in, streamed replies out (--json: the Chat panel's protocol)"},
    {"export-job", "A stage of the project as a job for GPUs elsewhere (TRL; PPO: OpenRLHF): data, settings, launch.sh"},
    {"estimate", "The memory a stage needs for a model, from its config.json, against what is free"},
    {"import-run", "A run trained elsewhere (its checkpoint, with trainer_state.json or TensorBoard curves) into the project's runs"},
};

}  // namespace

std::string engineCommandDescription(const std::string& name) {
    for (const auto& [command, description] : kEngineCommands)
        if (name == command) return description;
    return {};
}

void addEngineCommandPlaceholders(CLI::App& app) {
    for (const auto& [command, description] : kEngineCommands)
        app.add_subcommand(command, description)->allow_extras()->footer("Run `rlhf " + std::string(command) + " --help` for its options.");
}

bool isEngineCommand(int argc, char** argv) { return argc > 1 && !engineCommandDescription(argv[1]).empty(); }

std::filesystem::path enginePath(char** argv) {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return (error ? std::filesystem::path(argv[0]) : self).parent_path() / "rlhf-engine";
}

int runEngine(char** argv) {
    const auto engine = enginePath(argv);
    execv(engine.c_str(), argv);
    std::cerr << "rlhf: cannot start " << engine.string() << " (the model commands' executable): " << std::strerror(errno)
              << '\n';
    return kUserError;
}

}  // namespace rlhf::cli
