#pragma once
// How a training run is told to pause, resume or stop while it trains. Ctrl+C (SIGINT) and SIGTERM ask
// it to stop: it checkpoints after the current step and ends "stopped". With --control stdin, lines on
// standard input do the same for the workbench, which drives rlhf-engine as a child process:
//   pause   finish the current step, then wait (the process and its memory stay; the row says paused)
//   resume  continue stepping
//   stop    checkpoint and end, as Ctrl+C
// and the end of stdin (the window is gone) stops the run the same way.
// Not on by default: a background job reading its terminal would be stopped by the shell (SIGTTIN).

#include <atomic>

namespace rlhf::cli {

struct RunControl {
    std::atomic<bool> stop{false};
    std::atomic<bool> pause{false};
};

RunControl& runControl();
void catchStopSignals(bool on);  // SIGINT and SIGTERM set runControl().stop
void readControlLines();         // a detached thread reads stdin's lines into runControl() until EOF

}  // namespace rlhf::cli
