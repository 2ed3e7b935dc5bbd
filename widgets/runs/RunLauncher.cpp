#include "runs/RunLauncher.h"

#include <QEventLoop>
#include <QTimer>

#include "runs/RunProcess.h"

namespace rlhf::widgets {

void RunLauncher::setProject(const QString& projectPath) {
    projectPath_ = projectPath;
    queue_.clear();
    emit queueChanged();
}

void RunLauncher::start(const RunRequest& request) {
    if (request.afterRunId > 0 && isLive(request.afterRunId)) {
        queue_.push_back(request);
        emit queueChanged();
        return;
    }
    launch(request);
}

void RunLauncher::launch(const RunRequest& request) {
    auto* process = new RunProcess(request, projectPath_, this);
    starting_.push_back(process);
    connect(process, &RunProcess::started, this, [this, process](qint64 runId) {
        std::erase(starting_, process);
        live_[runId] = process;
        emit runStarted(runId);
    });
    connect(process, &RunProcess::stepped, this, &RunLauncher::stepped);
    connect(process, &RunProcess::pausedChanged, this, [this](qint64 runId, bool) { emit runChanged(runId); });
    connect(process, &RunProcess::ended, this, [this, process](qint64 runId, bool ok, const QString& text) {
        std::erase(starting_, process);
        live_.erase(runId);
        process->deleteLater();
        emit runEnded(runId, ok, text);
    });
    process->start();
}

// Each queued run takes the finished run's final checkpoint as the setting it named (its model, or a PPO
// run's reward model).
void RunLauncher::startQueuedAfter(int64_t runId, const std::optional<QString>& checkpoint) {
    std::vector<RunRequest> waiting;
    for (auto it = queue_.begin(); it != queue_.end();)
        if (it->afterRunId == runId) {
            waiting.push_back(*it);
            it = queue_.erase(it);
        } else {
            ++it;
        }
    if (waiting.empty()) return;
    emit queueChanged();
    for (RunRequest r : waiting) {
        if (!checkpoint) {
            emit message(tr("The %1 run queued after run #%2 was not started: run #%2 did not finish.").arg(r.kind).arg(runId));
            continue;
        }
        r.sets[r.afterRunSetting] = *checkpoint;
        r.afterRunId = 0;
        launch(r);
    }
}

void RunLauncher::pause(int64_t runId) {
    if (const auto it = live_.find(runId); it != live_.end()) it->second->pause();
}
void RunLauncher::resume(int64_t runId) {
    if (const auto it = live_.find(runId); it != live_.end()) it->second->resume();
}
void RunLauncher::stop(int64_t runId) {
    if (const auto it = live_.find(runId); it != live_.end()) it->second->stop();
}
bool RunLauncher::isPaused(int64_t runId) const {
    const auto it = live_.find(runId);
    return it != live_.end() && it->second->isPaused();
}

std::optional<RunRequest> RunLauncher::liveRequest(int64_t runId) const {
    const auto it = live_.find(runId);
    if (it == live_.end()) return std::nullopt;
    return it->second->request();
}

void RunLauncher::stopAll() {
    queue_.clear();
    for (auto* p : starting_) p->stop();
    for (auto& [id, p] : live_) p->stop();
}

void RunLauncher::waitForAll(int msecs) {
    if (liveCount() == 0) return;
    QEventLoop loop;  // waits for events (a process ending), without spinning
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    connect(this, &RunLauncher::runEnded, &loop, [this, &loop] {
        if (liveCount() == 0) loop.quit();
    });
    loop.exec();
}

QStringList RunLauncher::queuedDescriptions() const {
    QStringList out;
    for (const auto& r : queue_) out << tr("%1 after #%2").arg(r.kind.toUpper()).arg(r.afterRunId);
    return out;
}

}  // namespace rlhf::widgets
