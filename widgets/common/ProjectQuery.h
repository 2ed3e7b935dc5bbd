#pragma once
// A read of the project off the UI thread: `read` runs on a worker with its own connection (ProjectTask),
// then `done` gets the result on `context`'s thread; nothing is delivered once `context` is gone.

#include <functional>
#include <memory>

#include <QObject>

#include "common/ProjectTask.h"

namespace rlhf::widgets {

template <typename Result>
void queryProject(QObject* context, const QString& projectPath, std::function<Result(data::ProjectStore&)> read,
                  std::function<void(Result&)> done, std::function<void(const QString&)> failed = {}) {
    auto result = std::make_shared<Result>();
    ProjectTask* task = ProjectTask::start(projectPath, [read = std::move(read), result](data::ProjectStore& store, const auto&, const auto&) {
        *result = read(store);
        return QString();
    });
    QObject::connect(task, &ProjectTask::finished, context, [done = std::move(done), result](const QString&) { done(*result); });
    if (failed) QObject::connect(task, &ProjectTask::failed, context, std::move(failed));
}

}  // namespace rlhf::widgets
