#pragma once
// Runs one long project operation (import, export) on a worker thread with its OWN ProjectStore
// connection (one connection per thread, architecture §3). Only value types cross threads: progress as a
// fraction (throttled to ~10 per second), the result as text. Cancel sets an atomic flag the core checks.

#include <atomic>
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class ProjectTask : public QObject {
    Q_OBJECT
public:
    // Reports progress in [0, 1]; returns a summary for the user. Throwing std::exception fails the task.
    using Work = std::function<QString(data::ProjectStore& store, const std::function<void(double)>& progress,
                                       const std::atomic<bool>& cancel)>;

    // Starts `work` on a new thread against the project at `projectPath` once control is back in the event
    // loop, so connections made right after this call see every signal. The task has no parent and
    // deletes itself when its thread ends, so closing the widget that started it never leaves the worker
    // emitting into a deleted object (connections to a destroyed receiver are dropped by Qt).
    static ProjectTask* start(const QString& projectPath, Work work);
    void cancel() { cancel_ = true; }

signals:
    void progressed(double fraction);
    void finished(const QString& summary);
    void failed(const QString& message);

private:
    ProjectTask() = default;
    std::atomic<bool> cancel_{false};
};

}  // namespace rlhf::widgets
