#include "dataset/PromptQueryWorker.h"

#include "data/ProjectStore.h"

namespace rlhf::widgets {

PromptQueryWorker::PromptQueryWorker(const std::string& projectPath) : path_(projectPath) {
    qRegisterMetaType<rlhf::widgets::PromptPage>();
    context_ = new QObject;
    context_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, context_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("rlhf-prompt-queries"));
    thread_.start();
}

PromptQueryWorker::~PromptQueryWorker() {
    latest_ = UINT64_MAX;  // everything still queued is stale
    {
        std::lock_guard lock(connectionMutex_);
        if (store_) store_->database().interrupt();
    }
    thread_.quit();
    thread_.wait();
    // The thread has ended: closing its connection here cannot race with a query.
    queries_.reset();
    store_.reset();
}

void PromptQueryWorker::startGeneration(quint64 generation) {
    latest_ = generation;
    std::lock_guard lock(connectionMutex_);
    if (store_) store_->database().interrupt();
}

data::DatasetQueries& PromptQueryWorker::queries() {
    if (!queries_) {
        auto store = data::ProjectStore::open(path_, false);
        std::lock_guard lock(connectionMutex_);
        store_ = std::move(store);
        queries_ = std::make_unique<data::DatasetQueries>(store_->database());
    }
    return *queries_;
}

void PromptQueryWorker::requestPage(quint64 generation, const data::PromptFilter& filter, qint64 after, int limit) {
    QMetaObject::invokeMethod(context_, [this, generation, filter, after, limit] {
        if (stale(generation)) return;
        try {
            PromptPage page{generation, after, queries().page(filter, after, limit), limit};
            if (!stale(generation)) emit pageReady(page);
        } catch (const std::exception& e) {
            if (!stale(generation)) emit failed(generation, QString::fromStdString(e.what()));
        }
    });
}

void PromptQueryWorker::requestCount(quint64 generation, const data::PromptFilter& filter) {
    QMetaObject::invokeMethod(context_, [this, generation, filter] {
        if (stale(generation)) return;
        try {
            const int64_t total = queries().count(filter);
            if (!stale(generation)) emit countReady(generation, total);
        } catch (const std::exception& e) {
            if (!stale(generation)) emit failed(generation, QString::fromStdString(e.what()));
        }
    });
}

}  // namespace rlhf::widgets
