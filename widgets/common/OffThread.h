#pragma once
// Work that must not run on the UI thread (reading a run's files, copying a checkpoint): `work` runs on a
// thread of its own, then `done` gets its result on `context`'s thread; nothing is delivered once
// `context` is gone. For reads of the project file use queryProject (a connection of its own).

#include <functional>
#include <memory>

#include <QObject>
#include <QThread>

namespace rlhf::widgets {

template <typename Result>
void runOffThread(QObject* context, std::function<Result()> work, std::function<void(Result&)> done) {
    auto result = std::make_shared<Result>();
    QThread* thread = QThread::create([work = std::move(work), result] { *result = work(); });
    QObject::connect(thread, &QThread::finished, context, [done = std::move(done), result] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

}  // namespace rlhf::widgets
