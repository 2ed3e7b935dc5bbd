#pragma once
// Runs one long project operation (import, export) on a worker thread with its OWN ProjectStore
// connection (one connection per thread, DESIGN §3). Only value types cross threads: progress as a
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

    // Starts `work` on a new thread against the project at `projectPath`; the task deletes itself when done.
    static ProjectTask* start(const QString& projectPath, Work work, QObject* parent = nullptr);
    void cancel() { cancel_ = true; }

signals:
    void progressed(double fraction);
    void finished(const QString& summary);
    void failed(const QString& message);

private:
    explicit ProjectTask(QObject* parent) : QObject(parent) {}
    std::atomic<bool> cancel_{false};
};

}  // namespace rlhf::widgets
