#pragma once
// One training run in a child rlhf-engine (the window never links LibTorch: a crash or an out-of-memory
// error of a run cannot take it down, and the memory goes back when the run ends). It reads the engine's
// JSON lines as they come (events and steps) and controls the run with lines on its stdin (pause, resume,
// stop). The engine runs at a lower priority than the window (nice 10) so the interface stays responsive
// while training keeps every core busy. Lives on the UI thread; every signal arrives there.

#include <map>
#include <string>

#include <QObject>
#include <QProcess>

#include "runs/RunRequest.h"

namespace rlhf::widgets {

class RunProcess : public QObject {
    Q_OBJECT
public:
    RunProcess(const RunRequest& request, const QString& projectPath, QObject* parent = nullptr);
    void start();
    void pause();
    void resume();
    void stop();  // checkpoint after the current step, then end
    int64_t runId() const { return runId_; }  // 0 until the engine said "started"
    bool isPaused() const { return paused_; }
    const RunRequest& request() const { return request_; }

signals:
    void started(qint64 runId);
    void stepped(qint64 runId, qint64 step, const std::map<std::string, double>& values);
    void pausedChanged(qint64 runId, bool paused);
    // The process is gone: ok when the run finished or stopped; else the engine's error line.
    void ended(qint64 runId, bool ok, const QString& message);

private:
    void readLines();
    void handleLine(const QByteArray& line);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    RunRequest request_;
    QString projectPath_;
    QProcess process_;
    QByteArray errors_;  // the engine's stderr (its last line names the problem)
    int64_t runId_ = 0;
    bool paused_ = false;
};

}  // namespace rlhf::widgets
