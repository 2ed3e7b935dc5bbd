#include "ChatCommand.h"

#include <iostream>
#include <memory>

#include <torch/torch.h>

#include <CLI/CLI.hpp>

#include "ChatJsonServer.h"
#include "CliSupport.h"
#include "DeviceOption.h"
#include "EngineCommands.h"
#include "text/Utf8.h"

namespace rlhf::cli {

namespace {

using chat::ChatTurn;

void chatForPeople(ChatModel& m, const ChatOptions& given) {
    ChatOptions o = given;
    o.alternatives = 0;  // nobody sees them here
    std::vector<ChatTurn> turns;
    std::atomic<bool> never{false};
    std::cerr << "rlhf chat: " << m.name << " (context " << m.context() << " tokens, " << m.precisionName() << "); type a message and press Enter; Ctrl-D ends the chat\n";
    for (std::string line; std::cout << "> " << std::flush, std::getline(std::cin, line);) {
        if (trimmedText(line).empty()) continue;
        turns.push_back({ChatTurn::Role::User, trimmedText(line)});
        try {
            model::SamplingOptions sampling = o.sampling;
            sampling.seed += turns.size() / 2;  // reply i uses seed + i
            const ChatReply r = writeReply(m, turns, sampling, o, never, [](const chat::StreamedToken& t) { std::cout << text::withVisibleControls(t.text) << std::flush; });
            std::cout << '\n';
            if (r.droppedTurns > 0) std::cerr << "(the " << r.droppedTurns << " oldest turns no longer fit the context)\n";
            if (r.end == "length") std::cerr << "(cut: the reply reached its limit of " << r.maxNewTokens << " tokens)\n";
            turns.push_back({ChatTurn::Role::Assistant, trimmedText(r.text)});
        } catch (const std::invalid_argument& e) {
            turns.pop_back();
            std::cerr << "rlhf chat: " << e.what() << '\n';
        }
    }
    std::cout << '\n';
}

}  // namespace

void addChatCommand(CLI::App& app) {
    auto o = std::make_shared<ChatOptions>();
    CLI::App* cmd = app.add_subcommand("chat", engineCommandDescription("chat"));
    cmd->add_option("PROJECT", o->project, "Project file (.rlhf) whose runs --model may name");
    cmd->add_option("--model", o->model, "A run id of PROJECT (its newest checkpoint) or a model directory")->required();
    cmd->add_option("--max-new-tokens", o->sampling.maxNewTokens, "New tokens per reply at most (default 64)")->check(greaterThanZero());
    cmd->add_option("--temperature", o->sampling.temperature, "Sampling temperature (default 1)")->check(greaterThanZero());
    cmd->add_option("--top-k", o->sampling.topK, "Sample from the K likeliest tokens (default 0: all)")->check(zeroOrMore());
    cmd->add_option("--top-p", o->sampling.topP, "Nucleus sampling (default 1)")->check(CLI::Range(0.0, 1.0));
    cmd->add_flag("--greedy", o->sampling.greedy, "The likeliest token each step");
    cmd->add_option("--seed", o->sampling.seed, "Sampling seed (reply i uses seed + i)");
    cmd->add_option("--chat-format", o->chatFormat,
                    "Llama family: chatml, llama-3, llama-2 or zephyr (default: from the model's chat template)");
    cmd->add_option("--system", o->system, "Llama family: a system message before the conversation");
    auto* userCue = cmd->add_option("--user-cue", o->format.user, "GPT-2, Mamba: before each message (default \"\\n\\nHuman: \")");
    auto* assistantCue =
        cmd->add_option("--assistant-cue", o->format.assistant, "GPT-2, Mamba: before each reply (default \"\\n\\nAssistant:\")");
    cmd->add_option("--alternatives", o->alternatives, "With --json: the likeliest tokens reported per step (default 5)")
        ->check(CLI::Range(0, 20));
    addDeviceOption(cmd, o->device);
    addInferencePrecisionOption(cmd, o->precision, "auto");
    cmd->add_option("--threads", o->threads, "LibTorch intra-op threads (default: all cores)");
    cmd->add_flag("--json", o->json, "The Chat panel's protocol: JSON line requests on stdin, JSON line events back");
    cmd->callback([o, userCue, assistantCue] {
        o->cuesGiven = userCue->count() > 0 || assistantCue->count() > 0;
        ChatModel m = loadChatModel(*o);
        torch::NoGradGuard noGrad;
        if (o->json) serveJsonRequests(m, *o);
        else chatForPeople(m, *o);
    });
}

}  // namespace rlhf::cli
