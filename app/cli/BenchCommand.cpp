#include "BenchCommand.h"

#include <chrono>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"

namespace rlhf::cli {

namespace {

// The published 1966 conversation's inputs, replayed on one engine (one thread) for `seconds`.
void benchEliza(double seconds) {
    static const char* inputs[] = {
        "Men are all alike.", "They're always bugging us about something or other.",
        "Well, my boyfriend made me come here.", "He says I'm depressed much of the time.",
        "It's true. I am unhappy.", "I need some help, that much seems certain.",
        "Perhaps I could learn to get along with my mother.", "My mother takes care of me.", "My father.",
        "You are like my father in some ways.",
        "You are not very aggressive but I think you don't want me to notice that.",
        "You don't argue with me.", "You are afraid of me.", "My father is afraid of everybody.", "Bullies."};
    eliza::ElizaEngine engine(eliza::parseBuiltinScript("doctor-1966"));
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    size_t replies = 0;
    size_t chars = 0;
    double elapsed = 0;
    while (elapsed < seconds) {
        for (const char* input : inputs) chars += engine.reply(input).size();
        replies += std::size(inputs);
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    printJsonLine({{"eliza_replies_per_s", replies / elapsed}, {"replies", replies}, {"seconds", elapsed},
                   {"reply_chars", chars}});
}

}  // namespace

void addBenchCommand(CLI::App& app) {
    CLI::App* bench = app.add_subcommand("bench", "Benchmarks that print JSON numbers");
    bench->require_subcommand(1);
    auto seconds = std::make_shared<double>(3.0);
    CLI::App* eliza = bench->add_subcommand("eliza", "ELIZA replies per second on one thread (DOCTOR 1966)");
    eliza->add_option("--seconds", *seconds, "How long to run")->check(CLI::PositiveNumber);
    eliza->callback([seconds] { benchEliza(*seconds); });
}

}  // namespace rlhf::cli
