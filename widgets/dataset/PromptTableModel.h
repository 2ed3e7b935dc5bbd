#pragma once
// A thin, lazily paged table over the project's prompts (architecture §6): rows arrive 500 at a time as the
// view scrolls (keyset pages in core), and every query runs on a PromptQueryWorker thread, so neither a
// slow filter nor a count over 1M prompts stalls the window. reload() returns at once; the rows follow
// (pageLoaded) and the count after them (countChanged). UI thread.

#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "data/DatasetQueries.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class PromptQueryWorker;
struct PromptPage;

class PromptTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, PromptColumn, SplitColumn, ResponsesColumn, DemonstrationsColumn, ComparisonsColumn, SourceColumn, ColumnCount };

    explicit PromptTableModel(QObject* parent = nullptr);
    ~PromptTableModel() override;

    void setProject(std::shared_ptr<data::ProjectStore> project);
    void setFilter(const data::PromptFilter& filter);
    void reload();  // after edits or imports: same filter, rows fetched again
    int64_t totalCount() const { return total_; }  // -1 while counting
    bool loading() const { return pageInFlight_; }
    int64_t promptId(int row) const;
    int rowOf(int64_t promptId) const;  // -1 when not loaded

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void pageLoaded();     // rows were added (or the first page of a reload arrived, maybe empty)
    void countChanged();   // totalCount() is known, or unknown again after a reload
    void queryFailed(const QString& message);

private:
    void addPage(const PromptPage& page);

    std::shared_ptr<data::ProjectStore> project_;
    std::unique_ptr<PromptQueryWorker> worker_;
    data::PromptFilter filter_;
    std::vector<data::PromptRow> rows_;
    quint64 generation_ = 0;  // of the latest reload; older results are dropped
    int64_t total_ = 0;
    bool exhausted_ = true;
    bool pageInFlight_ = false;
};

}  // namespace rlhf::widgets
