#include "pipeline/PipelineChain.h"

#include "runs/RunLauncher.h"

namespace rlhf::widgets {

PipelineChain::PipelineChain(RunLauncher* launcher, QObject* parent) : QObject(parent), launcher_(launcher) {
    // The run this chain asked for is the launcher's next run of the pipeline's origin.
    connect(launcher_, &RunLauncher::runStarted, this, [this](qint64 runId) {
        const auto request = launcher_->liveRequest(runId);
        if (!waitingForStart_ || !request || request->origin != QLatin1String("pipeline") || request->kind != currentKind_) return;
        waitingForStart_ = false;
        currentRun_ = runId;
        emit changed();
    });
    // A failure of the chain's run: a run that did not start (id 0, while the chain waits for its start)
    // or its run failing. A run that ends ok continues once its row is read (runEnded below).
    connect(launcher_, &RunLauncher::runEnded, this, [this](qint64 runId, bool ok, const QString& text) {
        if (!isRunning() || ok) return;
        if (runId == 0 && waitingForStart_)
            emit message(tr("Run the rest stopped: the %1 run did not start (%2).").arg(currentKind_.toUpper(), text));
        else if (runId != 0 && runId == currentRun_)
            emit message(tr("Run the rest stopped: the %1 run #%2 did not finish (%3).").arg(currentKind_.toUpper()).arg(runId).arg(text));
        else
            return;
        cancel();
    });
}

void PipelineChain::start(const std::vector<QString>& kinds, const std::map<QString, QString>& checkpoints,
                          const std::map<QString, std::map<QString, QString>>& settings) {
    remaining_ = kinds;
    checkpoints_ = checkpoints;
    settings_ = settings;
    launchNext();
}

RunRequest PipelineChain::requestFor(const QString& kind) const {
    RunRequest r;
    r.kind = kind;
    r.origin = QStringLiteral("pipeline");
    if (const auto it = settings_.find(kind); it != settings_.end()) r.sets = it->second;
    auto from = [this](const QString& k) {
        const auto it = checkpoints_.find(k);
        return it == checkpoints_.end() ? QString() : it->second;
    };
    if (kind == QLatin1String("sft")) r.sets[QStringLiteral("model")] = from(QStringLiteral("pretrain")).isEmpty() ? from(QStringLiteral("base")) : from(QStringLiteral("pretrain"));
    if (kind == QLatin1String("rm") || kind == QLatin1String("dpo") || kind == QLatin1String("ppo")) r.sets[QStringLiteral("model")] = from(QStringLiteral("sft"));
    if (kind == QLatin1String("ppo")) r.sets[QStringLiteral("reward_model")] = from(QStringLiteral("rm"));
    return r;
}

void PipelineChain::launchNext() {
    currentRun_ = 0;
    if (remaining_.empty()) {
        currentKind_.clear();
        emit message(tr("Run the rest: every step has finished."));
        emit changed();
        return;
    }
    currentKind_ = remaining_.front();
    remaining_.erase(remaining_.begin());
    waitingForStart_ = true;
    launcher_->start(requestFor(currentKind_));
    emit changed();
}

void PipelineChain::runEnded(int64_t runId, const QString& finalCheckpoint) {
    if (runId == 0 || runId != currentRun_) return;
    if (finalCheckpoint.isEmpty()) {  // stopped (or its row unreadable): nothing to continue from
        emit message(tr("Run the rest stopped: the %1 run #%2 ended without finishing.").arg(currentKind_.toUpper()).arg(runId));
        cancel();
        return;
    }
    checkpoints_[currentKind_] = finalCheckpoint;
    launchNext();
}

void PipelineChain::cancel() {
    remaining_.clear();
    currentKind_.clear();
    currentRun_ = 0;
    waitingForStart_ = false;
    emit changed();
}

}  // namespace rlhf::widgets
