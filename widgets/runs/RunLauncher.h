#pragma once
// The runs this window trains: their child processes (RunProcess) and the queue of runs that wait for
// another to finish ("start B when A has finished, from A's final checkpoint"). A queued run whose run
// fails or stops is not started (it says why). The queue lives as long as the window; the project's rows
// are the history of every run, whoever started it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QObject>

#include "runs/RunRequest.h"

namespace rlhf::widgets {

class RunProcess;

class RunLauncher : public QObject {
    Q_OBJECT
public:
    explicit RunLauncher(QObject* parent = nullptr) : QObject(parent) {}
    void setProject(const QString& projectPath);

    // Now, or queued while request.afterRunId trains (the caller fills the model of a request whose run
    // has already finished).
    void start(const RunRequest& request);
    // Starts what waits for `runId`, which has ended: from `finalCheckpoint` when it finished, else not
    // at all (said in message()). The owner calls it once it has read the run's row again.
    void startQueuedAfter(int64_t runId, const std::optional<QString>& finalCheckpoint);
    void pause(int64_t runId);
    void resume(int64_t runId);
    void stop(int64_t runId);
    void stopAll();
    bool isLive(int64_t runId) const { return live_.count(runId) > 0; }
    bool isPaused(int64_t runId) const;
    std::optional<RunRequest> liveRequest(int64_t runId) const;  // of a run this window trains
    int liveCount() const { return static_cast<int>(starting_.size() + live_.size()); }
    QStringList queuedDescriptions() const;
    // Runs the event loop until every child has ended or `msecs` passed (the latency benchmark).
    void waitForAll(int msecs);

signals:
    void runStarted(qint64 runId);
    void stepped(qint64 runId, qint64 step, const std::map<std::string, double>& values);
    void runChanged(qint64 runId);  // paused, resumed
    void runEnded(qint64 runId, bool ok, const QString& message);
    void queueChanged();
    void message(const QString& text);

private:
    void launch(const RunRequest& request);

    QString projectPath_;
    std::vector<RunProcess*> starting_;       // started, run id not known yet
    std::map<int64_t, RunProcess*> live_;
    std::vector<RunRequest> queue_;
};

}  // namespace rlhf::widgets
