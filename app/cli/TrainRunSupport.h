#pragma once
// What `rlhf train STAGE` shares across stages: the options, Ctrl+C, where a run lives (a project's row
// and directory, or a directory of its own), recording a project's run, and the per-step progress lines.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "RunControl.h"
#include "data/MetricsRecorder.h"
#include "data/ProjectStore.h"
#include "data/RunStore.h"
#include "train/RunLock.h"
#include "train/StageHeadlines.h"
#include "train/TrainerLoop.h"

namespace CLI {
class App;
}

namespace rlhf::cli {

struct TrainOptions {
    std::string project, text, configFile, resume, out, control, device = "cpu";
    std::vector<std::string> sets;
    int threads = 0;
    bool json = false;
    bool noMemoryCheck = false;  // --no-memory-check
};

// What a stage's run ended with: the result `rlhf train` prints, and the reason it failed (empty when
// it finished or was stopped).
struct StageOutcome {
    nlohmann::ordered_json result;
    std::string error;
};

// --config, --set (repeatable), --resume, --device, --threads, --control, --json.
void addCommonTrainOptions(CLI::App* cmd, TrainOptions& o);

// Where a run lives and, for runs of a project, its row there; the lock of its directory while this
// process trains it; whether this process made the directory (a run that fails to start removes it).
struct RunTarget {
    std::unique_ptr<data::ProjectStore> store;
    int64_t runId = 0;
    std::string dir;
    std::unique_ptr<train::RunLock> lock;
    bool madeDir = false;
};

// Takes the lock of target.dir (UserError naming the run and the process training it), making the
// directory when it is missing; call before the run's row is set running.
void lockRun(RunTarget& target, const std::string& runName);

// The settings of --config and --set; when resuming only max_steps may change (UserError otherwise).
nlohmann::json stageSettings(const TrainOptions& o, bool resuming);
// "PREFIX20261126-184500"
std::string timestampedDir(const std::string& prefix);
// A new row of `kind` in the project, and its directory PROJECT.rlhf.d/runs/ID-KIND (created); when
// settings' model is a checkpoint of the project's, the row records it as where the run started.
void createProjectRun(RunTarget& target, const std::string& kind, const nlohmann::json& settings);
// The project's run `id` (UserError unless it is of `kind`), set running again.
void reopenProjectRun(RunTarget& target, const std::string& id, const std::string& kind, const std::string& project);

// A step's numbers: a JSON line on stdout with json, else at steps 1, every 10th, evaluations and the
// last, a line on stderr: the headlines (and their val_ values), lr and tokens/s when the stage has them.
void printStepProgress(const train::StepStats& s, int64_t maxSteps, bool json, const train::StageHeadlines& headlines);

// The directory of a run that failed to start, when this process made it: nothing is left behind.
void removeUnstartedRun(RunTarget& target);

// Starts (or resumes) a run with `create`; in a project, records the run's config in its row and drops the
// metrics a resumed run wrote after its checkpoint, or marks the row failed with the reason `create`
// threw (then rethrows), so a run that never started does not stay "running"; a new run's directory goes
// with it.
template <typename Create>
auto startRecorded(RunTarget& target, Create create) {
    try {
        auto run = create();
        if (target.store) {
            data::RunStore runs(target.store->database());
            runs.setConfig(target.runId, run->config().toJson().dump());
            runs.discardAfterStep(target.runId, run->step());
        }
        return run;
    } catch (const std::exception& e) {
        if (target.store) data::RunStore(target.store->database()).setStatus(target.runId, "failed", e.what());
        removeUnstartedRun(target);
        throw;
    }
}

std::string checkpointDigest(const std::string& dir);  // sha256 of its model.safetensors

// What runRecorded does around a run's steps, whatever the run's type: the project's row (status,
// batched metrics, checkpoints), the progress lines, and pausing between steps (RunControl). With json,
// stdout also carries event lines: {"event": "started"|"paused"|"resumed", "run", "step", ...}.
class RunRecording {
public:
    RunRecording(RunTarget& target, bool json, std::string kind, int64_t maxSteps);
    void started(int64_t step);
    void checkpointed(int64_t step, const std::string& dir);  // metrics up to it are written first
    void stepped(const train::StepStats& s);                  // records, prints, then waits while paused
    void failed(const std::string& reason);
    void ended(const train::LoopResult& result);

private:
    void waitWhilePaused(int64_t step);
    void flushMetrics();
    void printEvent(const char* event, int64_t step) const;

    RunTarget& target_;
    bool json_;
    std::string kind_;
    int64_t maxSteps_;
    std::unique_ptr<data::RunStore> runs_;
    std::unique_ptr<data::MetricsRecorder> metrics_;
};

// Runs `run` (any stage's) to its end, to a stop (Ctrl+C, SIGTERM, a "stop" line) or to a failure,
// recording it in the project's row when there is one; a failure of any kind marks the row failed with
// its reason.
template <typename Run>
train::LoopResult runRecorded(Run& run, RunTarget& target, bool json, const std::string& kind) {
    RunRecording recording(target, json, kind, run.config().maxSteps);
    run.setCheckpointListener([&](int64_t step, const std::string& dir) { recording.checkpointed(step, dir); });
    recording.started(run.step());
    catchStopSignals(true);
    train::LoopResult result;
    try {
        result = run.run(&runControl().stop, [&](const train::StepStats& s) { recording.stepped(s); });
    } catch (const std::exception& e) {
        catchStopSignals(false);
        recording.failed(e.what());
        throw;
    }
    catchStopSignals(false);
    recording.ended(result);
    return result;
}

}  // namespace rlhf::cli
