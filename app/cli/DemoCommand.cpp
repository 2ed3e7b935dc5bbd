#include "DemoCommand.h"

#include <memory>

#include <CLI/CLI.hpp>

#include "CliSupport.h"
#include "DemoRun.h"
#include "DeviceOption.h"
#include "EngineCommands.h"
#include "demo/DemoProject.h"
#include "demo/SyntheticLabeller.h"

namespace rlhf::cli {

namespace {

void createDemo(const std::string& project, uint64_t seed, bool json) {
    demo::DemoCreated created;
    try {
        created = demo::createDemoProject(project, seed);
    } catch (const std::runtime_error& e) {
        throw UserError(e.what());
    }
    printResult({{"project", project}, {"prompts", created.prompts}, {"demonstrations", created.demonstrations},
                 {"pairs", created.pairs}, {"corpus_bytes", created.corpusBytes}, {"seed", seed},
                 {"labeller", demo::SyntheticLabeller::kName}},
                json);
}

}  // namespace

void addDemoCommand(CLI::App& app) {
    CLI::App* demo = app.add_subcommand("demo", engineCommandDescription("demo"));
    demo->require_subcommand(1);

    auto project = std::make_shared<std::string>();
    auto seed = std::make_shared<uint64_t>(1);
    auto json = std::make_shared<bool>(false);
    CLI::App* create = demo->add_subcommand("create", "A new demo project from generated data (refuses an existing file)");
    create->add_option("PROJECT", *project, "The project file to make (.rlhf)")->required();
    create->add_option("--seed", *seed, "Seed of the generated data and of the splits (default 1)");
    create->add_flag("--json", *json, "The result as one JSON line");
    create->callback([project, seed, json] { createDemo(*project, *seed, *json); });

    auto o = std::make_shared<DemoRunOptions>();
    CLI::App* run = demo->add_subcommand("run", "Pretraining, SFT, reward model, PPO and DPO on a demo project, then an evaluation");
    run->add_option("PROJECT", o->project, "A demo project (rlhf demo create)")->required();
    run->add_option("--set", o->sets, "STAGE.KEY=VALUE over the demo's settings (repeatable), e.g. --set ppo.max_steps=10");
    addDeviceOption(run, o->device);
    run->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    run->add_flag("--json", o->json, "The summary as one JSON line (progress stays on stderr)");
    run->callback([o] { runDemo(*o); });
}

}  // namespace rlhf::cli
