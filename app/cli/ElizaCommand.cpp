#include "ElizaCommand.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"
#include "eliza/BuiltinScripts.h"
#include "eliza/ElizaEngine.h"
#include "eliza/ElizaScriptParser.h"

namespace rlhf::cli {

namespace {

struct ElizaOptions {
    std::string scriptFile;
    std::string builtin = eliza::defaultScript().name;
    bool trace = false;
    bool json = false;
};

// A ScriptError ("file:line:column: expected ...") reaches main(), which prints it and exits 1.
eliza::Script loadScript(const ElizaOptions& options) {
    if (!options.scriptFile.empty()) return eliza::parseScript(readFileOrThrow(options.scriptFile), options.scriptFile);
    return eliza::parseBuiltinScript(options.builtin);
}

// Greeting, then one reply per stdin line: plain text (with --trace, each reply followed by its trace,
// indented), or JSON lines with --json (with --trace, the trace object per reply).
void runEliza(const ElizaOptions& options) {
    eliza::ElizaEngine engine(loadScript(options));
    if (options.json) printJsonLine({{"greeting", engine.greeting()}});
    else std::cout << engine.greeting() << '\n' << std::flush;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (options.trace) {
            eliza::ElizaTrace trace;
            const std::string reply = engine.reply(line, &trace);
            if (!options.json) std::cout << reply << '\n';
            printResult(eliza::toJson(trace), options.json, "    ");
        } else if (options.json) {
            const std::string reply = engine.reply(line);
            printJsonLine({{"input", line}, {"reply", reply}});
        } else {
            std::cout << engine.reply(line) << '\n' << std::flush;
        }
    }
}

}  // namespace

void addElizaCommand(CLI::App& app) {
    auto options = std::make_shared<ElizaOptions>();
    CLI::App* cmd = app.add_subcommand("eliza", "Talk to ELIZA (1966): greeting, then one reply per stdin line");
    cmd->add_option("--script", options->scriptFile, "ELIZA script file in the 1966 syntax");
    std::vector<std::string> names;
    for (const auto& s : eliza::builtinScripts()) names.push_back(s.name);
    cmd->add_option("--builtin", options->builtin, "Built-in script (default doctor-1966)")
        ->check(CLI::IsMember(names));
    cmd->add_flag("--trace", options->trace, "The rules behind each reply (keywords, keystack, rules used); with --json one trace object per reply");
    cmd->add_flag("--json", options->json, "JSON lines: {\"greeting\"} then {\"input\",\"reply\"} per line");
    cmd->callback([options] { runEliza(*options); });
}

}  // namespace rlhf::cli
