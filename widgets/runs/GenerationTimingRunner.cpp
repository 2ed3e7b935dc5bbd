#include "runs/GenerationTimingRunner.h"

#include <nlohmann/json.hpp>

#include "common/EngineVersion.h"

namespace rlhf::widgets {

GenerationTimingRunner::GenerationTimingRunner(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::finished, this, &GenerationTimingRunner::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;
        emit failed(queue_[next_ - 1].first, tr("rlhf-engine did not start (%1): %2").arg(enginePath(), process_.errorString()));
        // Not from inside the signal: QProcess tidies up after emitting it, which a new start would lose.
        QMetaObject::invokeMethod(this, &GenerationTimingRunner::startNext, Qt::QueuedConnection);
    });
}

GenerationTimingRunner::~GenerationTimingRunner() {
    process_.disconnect(this);
    cancel();
}

void GenerationTimingRunner::start(const std::vector<std::pair<int64_t, QString>>& checkpoints, const QString& contexts) {
    cancel();
    queue_ = checkpoints;
    contexts_ = contexts;
    next_ = 0;
    startNext();
}

void GenerationTimingRunner::cancel() {
    next_ = queue_.size();
    if (!running()) return;
    cancelling_ = true;  // the child's end, reported while waiting below, is not a result
    process_.kill();
    process_.waitForFinished(-1);  // a killed child ends; its end must not arrive later as a result
    cancelling_ = false;
}

void GenerationTimingRunner::startNext() {
    if (next_ >= queue_.size()) {
        emit finished();
        return;
    }
    const auto& [runId, checkpoint] = queue_[next_++];
    emit started(runId, static_cast<int>(next_), static_cast<int>(queue_.size()));
    process_.start(enginePath(), {"bench", "generation", "--model", checkpoint, "--contexts", contexts_, "--json"});
}

void GenerationTimingRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    if (cancelling_) return;
    const qint64 runId = queue_[next_ - 1].first;
    const QByteArray out = process_.readAllStandardOutput();
    const QString errors = QString::fromUtf8(process_.readAllStandardError()).trimmed();
    const auto points = parsePoints(out);
    if (status == QProcess::NormalExit && exitCode == 0 && !points.empty()) emit measured(runId, queue_[next_ - 1].second, points);
    else emit failed(runId, errors.isEmpty() ? tr("rlhf-engine ended with code %1").arg(exitCode) : errors.section('\n', -1));
    startNext();
}

std::vector<ContextTimingPoint> GenerationTimingRunner::parsePoints(const QByteArray& json) {
    std::vector<ContextTimingPoint> points;
    const auto j = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (!j.is_object() || !j.contains("points") || !j["points"].is_array()) return points;
    for (const auto& p : j["points"]) {
        if (!p.is_object() || !p.value("context", nlohmann::json()).is_number() || !p.value("ms_per_token", nlohmann::json()).is_number()) continue;
        points.push_back({p["context"].get<int64_t>(), p["ms_per_token"].get<double>(), p.value("beyond_context", false)});
    }
    return points;
}

}  // namespace rlhf::widgets
