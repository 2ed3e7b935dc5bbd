#pragma once
// A thin, lazily paged table over the project's prompts (DESIGN §6): rows arrive 500 at a time through
// fetchMore as the view scrolls (keyset pages in core, so a 1M-row project scrolls smoothly). UI thread.

#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "data/DatasetQueries.h"

namespace rlhf::data { class ProjectStore; }

namespace rlhf::widgets {

class PromptTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, PromptColumn, SplitColumn, ResponsesColumn, DemonstrationsColumn, ComparisonsColumn, SourceColumn, ColumnCount };

    explicit PromptTableModel(QObject* parent = nullptr);

    void setProject(std::shared_ptr<data::ProjectStore> project);
    void setFilter(const data::PromptFilter& filter);
    void reload();  // after edits or imports: same filter, rows fetched again
    int64_t totalCount() const { return total_; }
    int64_t promptId(int row) const;
    int rowOf(int64_t promptId) const;  // -1 when not loaded

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    std::shared_ptr<data::ProjectStore> project_;
    data::PromptFilter filter_;
    std::vector<data::PromptRow> rows_;
    int64_t total_ = 0;
    bool exhausted_ = true;
};

}  // namespace rlhf::widgets
