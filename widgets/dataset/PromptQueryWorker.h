#pragma once
// Runs the Dataset panel's prompt queries (pages and counts) on a thread of its own with its own
// project connection (architecture §3, §6: the UI thread never runs a long query; on 1M prompts a count
// under the "labelled" filter takes ~0.6 s). Requests carry a generation number: a request older than
// the latest one is skipped, and a newer request interrupts the query in flight.
//
// Threading: construct and call request*/retire on the UI thread; the queries run on the worker's
// thread; results come back as queued signals. Only value types cross.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <QObject>
#include <QThread>

#include "data/DatasetQueries.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

struct PromptPage {
    quint64 generation = 0;
    qint64 after = 0;                     // the page starts after this prompt id
    std::vector<data::PromptRow> rows;
    int limit = 0;                        // fewer rows than this: the end of the list
};

class PromptQueryWorker : public QObject {
    Q_OBJECT
public:
    explicit PromptQueryWorker(const std::string& projectPath);
    ~PromptQueryWorker() override;  // interrupts, stops and joins the thread

    // Makes `generation` the latest (older requests are skipped) and interrupts the running query.
    void startGeneration(quint64 generation);
    void requestPage(quint64 generation, const data::PromptFilter& filter, qint64 after, int limit);
    void requestCount(quint64 generation, const data::PromptFilter& filter);

signals:
    void pageReady(const rlhf::widgets::PromptPage& page);
    void countReady(quint64 generation, qint64 total);
    void failed(quint64 generation, const QString& message);

private:
    data::DatasetQueries& queries();  // worker thread: opens the connection on first use
    bool stale(quint64 generation) const { return generation < latest_.load(); }

    std::string path_;
    std::atomic<quint64> latest_{0};
    std::mutex connectionMutex_;                 // guards store_'s existence for interrupt()
    std::unique_ptr<data::ProjectStore> store_;  // used on the worker thread only
    std::unique_ptr<data::DatasetQueries> queries_;
    QThread thread_;
    QObject* context_ = nullptr;                 // lives in thread_: queued requests run there
};

}  // namespace rlhf::widgets

Q_DECLARE_METATYPE(rlhf::widgets::PromptPage)
