#include "common/ProjectTask.h"

#include <chrono>

#include <QThread>

#include "data/ProjectStore.h"

namespace rlhf::widgets {

ProjectTask* ProjectTask::start(const QString& projectPath, Work work) {
    auto* task = new ProjectTask;
    QThread* thread = QThread::create([task, path = projectPath.toStdString(), work = std::move(work)] {
        using Clock = std::chrono::steady_clock;
        auto lastReport = Clock::now() - std::chrono::seconds(1);
        auto progress = [&](double fraction) {
            if (Clock::now() - lastReport < std::chrono::milliseconds(100)) return;  // throttle
            lastReport = Clock::now();
            emit task->progressed(fraction);
        };
        try {
            auto store = data::ProjectStore::open(path, false);
            const QString summary = work(*store, progress, task->cancel_);
            emit task->finished(summary);
        } catch (const std::exception& e) {
            emit task->failed(QString::fromStdString(e.what()));
        }
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, task, &QObject::deleteLater);
    // Started from the event loop, not here: the caller connects to the task's signals after start()
    // returns, and a quick task (a query on an empty table) could otherwise emit `finished` before then,
    // to nobody (the statistics dialog then said "counting…" for ever, now and then).
    QMetaObject::invokeMethod(thread, [thread] { thread->start(); }, Qt::QueuedConnection);
    return task;
}

}  // namespace rlhf::widgets
