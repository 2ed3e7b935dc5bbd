#include "RunControl.h"

#include <csignal>
#include <iostream>
#include <string>
#include <thread>

namespace rlhf::cli {

namespace {
extern "C" void onStopSignal(int) { runControl().stop = true; }  // lock-free atomic: safe in a handler
}  // namespace

RunControl& runControl() {
    static RunControl control;
    return control;
}

void catchStopSignals(bool on) {
    std::signal(SIGINT, on ? onStopSignal : SIG_DFL);
    std::signal(SIGTERM, on ? onStopSignal : SIG_DFL);
}

// The thread is detached: it may still wait on stdin when the run has ended, and exit() does not wait for it.
// The end of stdin means the controlling window is gone (closed or crashed): the run checkpoints and stops,
// paused or not, instead of waiting for ever; and its progress lines, written to a pipe nobody reads, must
// not kill it (SIGPIPE) before that checkpoint.
void readControlLines() {
    std::signal(SIGPIPE, SIG_IGN);
    std::thread([] {
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line == "pause") runControl().pause = true;
            else if (line == "resume") runControl().pause = false;
            else if (line == "stop") runControl().stop = true;
            else std::cerr << "rlhf: --control stdin: unknown line \"" << line << "\" (pause, resume or stop)\n";
        }
        runControl().stop = true;
        runControl().pause = false;
    }).detach();
}

}  // namespace rlhf::cli
